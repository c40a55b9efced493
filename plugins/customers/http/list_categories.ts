import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listCategories } from '../services/customer_queries.js'

export default class ListCategories {
  static docs: EndpointDocs = {
    summary:
      'Customer categories: the built-in regular, hotspot and member, then the account’s own',
    tags: ['customers'],
    responses: { 200: '`{ data: [{ name, label, builtIn }] }`' },
  }

  async handle(ctx: HttpContext) {
    return ctx.response.ok({ data: await listCategories(await ctx.tenantDb()) })
  }
}
