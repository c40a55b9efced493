import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { httpDuration, httpRequests } from '../../metrics/metrics.js'

/**
 * Runs for every request: echoes the request id (so a user can quote it to
 * support and it matches the JSON log lines) and records HTTP metrics by
 * route pattern, never by raw URL, to keep label cardinality bounded.
 */
export default class RequestContextMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const start = process.hrtime.bigint()
    ctx.response.header('x-request-id', ctx.request.id()!)
    try {
      await next()
    } finally {
      const route = ctx.route?.pattern ?? 'unmatched'
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      httpRequests.inc({
        method: ctx.request.method(),
        route,
        status: String(ctx.response.getStatus()),
      })
      httpDuration.observe({ method: ctx.request.method(), route }, seconds)
    }
  }
}
