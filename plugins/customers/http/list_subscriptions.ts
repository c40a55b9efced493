import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listSubscriptionsQuery } from '../validators/subscriptions.js'
import { listSubscriptions } from '../services/subscription_queries.js'

export default class ListSubscriptions {
  static docs: EndpointDocs = {
    summary:
      'Subscriber accounts by username; `q` matches username or customer name; filter by status, customer or package',
    tags: ['subscriptions'],
    query: listSubscriptionsQuery,
    responses: { 200: '`{ data: [subscription], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listSubscriptionsQuery)
    return ctx.response.ok(await listSubscriptions(await ctx.tenantDb(), filters))
  }
}
