import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listVoucherPackagesQuery } from '../validators/packages.js'
import { listVoucherPackages } from '../services/package_queries.js'

export default class ListVoucherPackages {
  static docs: EndpointDocs = {
    summary:
      'Voucher packages by name, each with its voucher count and the RADIUS reply it maps to',
    tags: ['vouchers'],
    query: listVoucherPackagesQuery,
    responses: { 200: '`{ data: [package], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listVoucherPackagesQuery)
    return ctx.response.ok(await listVoucherPackages(await ctx.tenantDb(), filters))
  }
}
