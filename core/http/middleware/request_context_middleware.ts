import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { httpDuration, httpRequests } from '../../metrics/metrics.js'

const SLOW_REQUEST_SECONDS = 1

/**
 * Runs for every request: echoes the request id (so a user can quote it to
 * support and it matches the JSON log lines), records HTTP metrics by route
 * pattern (never the raw URL, to keep label cardinality bounded) and writes
 * an access log line — at info for client errors and slow requests, at
 * debug otherwise, so the RADIUS hot path does not flood the logs.
 */
export default class RequestContextMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const start = process.hrtime.bigint()
    ctx.response.header('x-request-id', ctx.request.id()!)
    try {
      await next()
    } finally {
      const route = ctx.route?.pattern ?? 'unmatched'
      const method = ctx.request.method()
      const status = ctx.response.getStatus()
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      httpRequests.inc({ method, route, status: String(status) })
      httpDuration.observe({ method, route }, seconds)
      const level =
        (status >= 400 && status < 500) || seconds > SLOW_REQUEST_SECONDS ? 'info' : 'debug'
      if (ctx.logger.isLevelEnabled(level)) {
        ctx.logger[level](
          {
            method,
            url: ctx.request.url(),
            route,
            status,
            ms: Math.round(seconds * 1000),
            tenant: ctx.tenant?.slug,
          },
          'request completed'
        )
      }
    }
  }
}
