import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { salesReportQuery } from '../validators/vouchers.js'
import { salesReport } from '../services/sales_report.js'

export default class VoucherSalesReport {
  static docs: EndpointDocs = {
    summary:
      'Vouchers sold (first login) from `from` to `to` (YYYY-MM-DD, both included, tenant time zone), by day or package, valued at their batch price in IDR',
    tags: ['vouchers'],
    query: salesReportQuery,
    responses: { 200: '`{ from, to, groupBy, data: [{ day | package, count, amount }], total }`' },
  }

  async handle(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(salesReportQuery)
    const timezone = ctx.tenant!.timezone ?? 'Asia/Jakarta'
    return ctx.response.ok(await salesReport(await ctx.tenantDb(), timezone, query))
  }
}
