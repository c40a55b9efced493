import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom, requireAnyField } from '#core/team/acting'
import { updateCustomerValidator } from '../validators/customers.js'
import { updateCustomer } from '../services/customer_changes.js'
import { findCustomerOrFail } from '../services/customer_queries.js'

const FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'identityNumber',
  'category',
  'status',
  'notes',
]

export default class UpdateCustomer {
  static docs: EndpointDocs = {
    summary:
      "Change a customer's details or status; isolating a customer isolates all their accounts on the next login",
    tags: ['customers'],
    body: updateCustomerValidator,
    responses: {
      200: 'The customer as changed',
      404: 'CUSTOMER_NOT_FOUND',
      409: 'CUSTOMER_HAS_SUBSCRIPTIONS: terminating needs their accounts terminated first',
      422: 'Invalid fields, unknown category, or identity number already used',
    },
  }

  async handle(ctx: HttpContext) {
    // An id of another tenant is a 404 before the body is even looked at.
    await findCustomerOrFail(await ctx.tenantDb(), ctx.params.id)
    const change = await ctx.request.validateUsing(updateCustomerValidator)
    requireAnyField(change, FIELDS)
    return ctx.response.ok(await updateCustomer(await actingFrom(ctx), ctx.params.id, change))
  }
}
