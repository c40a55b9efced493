import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'
import { usageQueryValidator } from '../validators.js'
import { usageReport, type UsageQuery } from '../../services/usage_report.js'
import { tenantDay, timezoneOf } from './panel_support.js'

/** Traffic per customer per day; the last seven days unless the URL names others. */
export default class UsagePage {
  async handle(ctx: HttpContext) {
    const timezone = timezoneOf(ctx)
    const fallback: UsageQuery = { from: tenantDay(timezone, 6), to: tenantDay(timezone) }
    const [error, parsed] = await ctx.request.tryValidateUsing(usageQueryValidator)
    let query: UsageQuery = error ? fallback : parsed
    const trx = await ctx.tenantDb()
    let report
    let rangeError: string | null = null
    try {
      report = await usageReport(trx, timezone, query)
    } catch (refusal) {
      if (!(refusal instanceof ApiError) || refusal.status !== 422) throw refusal
      // A period the report refuses (backwards, too long) shows the default one, saying why.
      rangeError = refusal.errors?.[0]?.rule ?? 'range'
      query = fallback
      report = await usageReport(trx, timezone, query)
    }
    return ctx.inertia.render('radius/usage/index', {
      report,
      filters: { from: query.from, to: query.to, username: query.username ?? '' },
      rangeError,
    })
  }
}
