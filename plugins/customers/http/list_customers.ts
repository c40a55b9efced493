import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listCustomersQuery } from '../validators/customers.js'
import { listCustomers } from '../services/customer_queries.js'

export default class ListCustomers {
  static docs: EndpointDocs = {
    summary:
      'Customers of the account, by name: search `q` matches name, phone (0812… or +62…), email and account username',
    tags: ['customers'],
    query: listCustomersQuery,
    responses: { 200: '`{ data: [customer], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listCustomersQuery)
    return ctx.response.ok(await listCustomers(await ctx.tenantDb(), filters))
  }
}
