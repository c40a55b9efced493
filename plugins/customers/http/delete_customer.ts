import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { terminateCustomer } from '../services/customer_changes.js'
import { terminateCustomerQuery } from '../validators/customers.js'

export default class DeleteCustomer {
  static docs: EndpointDocs = {
    summary:
      'Terminate a customer: the record stays (as terminated) for invoices and history. Refused while they have accounts that can log in, unless `?withSubscriptions=true` terminates those too',
    tags: ['customers'],
    query: terminateCustomerQuery,
    responses: {
      200: 'The customer, now terminated',
      404: 'CUSTOMER_NOT_FOUND',
      409: 'CUSTOMER_HAS_SUBSCRIPTIONS: says how many accounts to terminate or delete first',
    },
  }

  async handle(ctx: HttpContext) {
    const { withSubscriptions } = await terminateCustomerQuery.validate(ctx.request.qs())
    return ctx.response.ok(
      await terminateCustomer(await actingFrom(ctx), ctx.params.id, { withSubscriptions })
    )
  }
}
