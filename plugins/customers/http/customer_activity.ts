import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { activityQuery } from '../validators/documents.js'
import { findCustomerOrFail } from '../services/customer_queries.js'
import { customerActivity } from '../services/customer_activity.js'

export default class CustomerActivity {
  static docs: EndpointDocs = {
    summary:
      "A customer's audit trail, newest first: who changed the customer, their documents and their accounts, with before and after",
    tags: ['customers'],
    query: activityQuery,
    responses: {
      200: '`{ data: [{ id, action, actor, actorName, before, after, createdAt }], meta }`',
      404: 'CUSTOMER_NOT_FOUND',
    },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(activityQuery)
    const trx = await ctx.tenantDb()
    const customer = await findCustomerOrFail(trx, ctx.params.id)
    return ctx.response.ok(await customerActivity(trx, customer.id, filters))
  }
}
