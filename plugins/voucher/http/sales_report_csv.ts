import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { salesCsv, salesReport } from '../services/sales_report.js'
import { salesReportQuery } from '../validators/vouchers.js'

/** The sales report as CSV, for the API and the panel's download button alike. */
export default class VoucherSalesCsv {
  static docs: EndpointDocs = {
    summary:
      'The sales report as CSV (one line per day, package or router, then the total); same query as the report',
    tags: ['vouchers'],
    query: salesReportQuery,
    responses: { 200: 'text/csv', 422: 'Invalid period' },
  }

  async handle(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(salesReportQuery)
    const report = await salesReport(
      await ctx.tenantDb(),
      ctx.tenant!.timezone ?? 'Asia/Jakarta',
      query
    )
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header(
      'content-disposition',
      `attachment; filename="voucher-sales-${report.groupBy}-${report.from}-${report.to}.csv"`
    )
    return ctx.response.ok(salesCsv(report))
  }
}
