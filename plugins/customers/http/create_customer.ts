import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { createCustomerValidator } from '../validators/customers.js'
import { createCustomer } from '../services/customer_changes.js'

export default class CreateCustomer {
  static docs: EndpointDocs = {
    summary:
      'Add a customer; the phone is stored as +62… whether typed 08…, 62… or +62…, and the category defaults to regular',
    tags: ['customers'],
    body: createCustomerValidator,
    responses: {
      201: 'The new customer',
      422: 'Invalid fields, unknown category, or identity number already used',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createCustomerValidator)
    return ctx.response.created(await createCustomer(await actingFrom(ctx), input))
  }
}
