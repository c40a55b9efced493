import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { createSubscriptionValidator } from '../validators/subscriptions.js'
import { createSubscription } from '../services/subscription_changes.js'

export default class CreateSubscription {
  static docs: EndpointDocs = {
    summary:
      'Open a subscriber account for a customer on a package. Without `password` one is generated (read it with reveal-password); prepaid packages set expiresAt from startDate',
    tags: ['subscriptions'],
    body: createSubscriptionValidator,
    responses: {
      201: 'The account (without its password)',
      403: 'LIMIT_REACHED: the plan’s max_user is used up, or permission missing',
      422: 'Invalid fields, unknown or inactive customer/package, username or static IP taken',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createSubscriptionValidator)
    return ctx.response.created(await createSubscription(await actingFrom(ctx), input))
  }
}
