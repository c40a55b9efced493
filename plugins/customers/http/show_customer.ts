import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findCustomerOrFail, presentCustomer } from '../services/customer_queries.js'
import { customerSubscriptions } from '../services/subscription_queries.js'

export default class ShowCustomer {
  static docs: EndpointDocs = {
    summary: 'One customer with their subscriber accounts (never their passwords)',
    tags: ['customers'],
    responses: { 200: 'The customer, with `subscriptions`', 404: 'CUSTOMER_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const customer = presentCustomer(await findCustomerOrFail(trx, ctx.params.id))
    return ctx.response.ok({
      ...customer,
      subscriptions: await customerSubscriptions(trx, customer.id),
    })
  }
}
