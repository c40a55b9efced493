import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { salesReport } from '../../services/sales_report.js'
import { salesReportQuery } from '../../validators/vouchers.js'
import { tenantZone, today } from './panel_page.js'

const pageQuery = vine.create(
  vine.object({ groupBy: vine.enum(['day', 'package', 'router'] as const).optional() })
)

/** Sales by day, package or router; the last 30 days unless the URL names a period. */
export default class VoucherReportPage {
  async handle(ctx: HttpContext) {
    const zone = tenantZone(ctx)
    const [error, parsed] = await ctx.request.tryValidateUsing(salesReportQuery)
    const [, grouping] = await ctx.request.tryValidateUsing(pageQuery)
    const query = error
      ? { from: today(zone, -29), to: today(zone), groupBy: grouping?.groupBy ?? 'day' }
      : { ...parsed, groupBy: parsed.groupBy ?? 'day' }
    let report
    let rangeError: string | null = null
    try {
      report = await salesReport(await ctx.tenantDb(), zone, query)
    } catch {
      // A period the report refuses (reversed, too long): show the last 30 days and say why.
      rangeError = 'range'
      report = await salesReport(await ctx.tenantDb(), zone, {
        from: today(zone, -29),
        to: today(zone),
        groupBy: query.groupBy,
      })
    }
    return ctx.inertia.render('voucher/reports/sales', { report, rangeError })
  }
}
