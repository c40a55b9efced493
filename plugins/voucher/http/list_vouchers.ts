import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listVouchersQuery } from '../validators/vouchers.js'
import { listVouchers } from '../services/voucher_queries.js'

export default class ListVouchers {
  static docs: EndpointDocs = {
    summary:
      'Vouchers, newest first; filter by batchId, packageId, status, or `q` (part of the code, any case)',
    tags: ['vouchers'],
    query: listVouchersQuery,
    responses: { 200: '`{ data: [voucher], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listVouchersQuery)
    return ctx.response.ok(
      await listVouchers(await ctx.tenantDb(), filters, ctx.tenant!.timezone ?? 'Asia/Jakarta')
    )
  }
}
