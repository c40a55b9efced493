import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { timingSafeEqual } from 'node:crypto'
import proxyAddr from 'proxy-addr'
import env from '#start/env'
import { waitingForDatabase } from '../services/tenant_sql.js'

const secret = Buffer.from(env.get('RADIUS_API_SECRET') || '')
const allowed = proxyAddr.compile(
  (env.get('RADIUS_ALLOWED_SOURCES') || 'loopback').split(',').map((s) => s.trim())
)

/**
 * Past these, a request is answered 503 at once (rlm_rest: fail) instead of
 * waiting behind the others until FreeRADIUS gives up on it: a NAS retries
 * sooner, and the requests already in hand still finish in time.
 */
const MAX_IN_FLIGHT = 256
const MAX_WAITING_FOR_DATABASE = 64
let inFlight = 0

/**
 * Only our FreeRADIUS may ask: the shared secret header and an allowed source
 * address. Anything else is refused before any user is looked up.
 */
export default class CallerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const presented = Buffer.from(ctx.request.header('x-radius-secret') ?? '')
    const address = ctx.request.ip()
    const secretOk =
      secret.length > 0 && presented.length === secret.length && timingSafeEqual(presented, secret)
    if (!secretOk || !allowed(address, 0)) {
      ctx.logger.warn(
        { address, reason: secretOk ? 'source not allowed' : 'bad secret' },
        'RADIUS caller refused'
      )
      return ctx.response.unauthorized({ 'reply:Reply-Message': 'CALLER_UNAUTHORIZED' })
    }
    if (inFlight >= MAX_IN_FLIGHT || waitingForDatabase() >= MAX_WAITING_FOR_DATABASE) {
      ctx.logger.warn({ inFlight, waiting: waitingForDatabase() }, 'RADIUS request shed: busy')
      return ctx.response.serviceUnavailable({ 'reply:Reply-Message': 'BUSY' })
    }
    inFlight++
    try {
      return await next()
    } finally {
      inFlight--
    }
  }
}
