import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findSubscriptionOrFail, presentSubscription } from '../services/subscription_queries.js'

export default class ShowSubscription {
  static docs: EndpointDocs = {
    summary: 'One subscriber account (without its password)',
    tags: ['subscriptions'],
    responses: { 200: 'The account', 404: 'SUBSCRIPTION_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    const row = await findSubscriptionOrFail(await ctx.tenantDb(), ctx.params.id)
    return ctx.response.ok(presentSubscription(row))
  }
}
