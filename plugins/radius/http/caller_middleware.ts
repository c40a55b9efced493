import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { BUSY, CALLER_REFUSED, callerRefusal, unlessBusy } from '../services/rest_endpoints.js'

/**
 * Only our FreeRADIUS may ask: the shared secret header and an allowed source
 * address. Anything else is refused before any user is looked up. A saturated
 * process answers 503 at once (see services/rest_endpoints.ts).
 */
export default class CallerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const address = ctx.request.ip()
    const refusal = callerRefusal(ctx.request.header('x-radius-secret'), address)
    if (refusal) {
      ctx.logger.warn({ address, reason: refusal }, 'RADIUS caller refused')
      return ctx.response.status(CALLER_REFUSED.status).json(CALLER_REFUSED.body)
    }
    let output: unknown
    const answer = await unlessBusy(ctx.logger, async () => {
      output = await next()
      return { status: 0 }
    })
    if (answer === BUSY) return ctx.response.status(BUSY.status).json(BUSY.body)
    return output
  }
}
