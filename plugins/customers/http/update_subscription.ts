import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom, requireAnyField } from '#core/team/acting'
import { updateSubscriptionValidator } from '../validators/subscriptions.js'
import { updateSubscription } from '../services/subscription_changes.js'
import { findSubscriptionOrFail } from '../services/subscription_queries.js'

const FIELDS = [
  'packageId',
  'username',
  'password',
  'routerId',
  'staticIp',
  'macAddress',
  'status',
  'isolationReason',
  'billingDay',
  'expiresAt',
]

export default class UpdateSubscription {
  static docs: EndpointDocs = {
    summary:
      'Change an account: package, login, password, MAC binding, status (isolate with `status: isolated` and an isolationReason)',
    tags: ['subscriptions'],
    body: updateSubscriptionValidator,
    responses: {
      200: 'The account as changed (without its password)',
      404: 'SUBSCRIPTION_NOT_FOUND',
      422: 'Invalid fields, unknown or inactive package, username or static IP taken',
    },
  }

  async handle(ctx: HttpContext) {
    await findSubscriptionOrFail(await ctx.tenantDb(), ctx.params.id)
    const change = await ctx.request.validateUsing(updateSubscriptionValidator)
    requireAnyField(change, FIELDS)
    return ctx.response.ok(await updateSubscription(await actingFrom(ctx), ctx.params.id, change))
  }
}
