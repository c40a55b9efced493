import type { HttpContext } from '@adonisjs/core/http'
import kernel from '#core/services/kernel'
import type { RouterError } from '../routeros/index.js'
import type { RouterRow } from '../models/router_presenter.js'
import { actorLabel, auditRouterAction } from './router_audit.js'
import { routerApiError } from './router_errors.js'
import { recordProbe } from './router_status.js'
import { cachedSessions } from './session_cache.js'
import type { SessionType } from './router_sessions.js'

export type DisconnectJobData = {
  tenantId: string
  routerId: string
  sessionId: string
  type: SessionType
  /** Whom the session belonged to when asked, if the cached list knew: guards against reused ids */
  user: string | null
  actor: string
}

/**
 * The router could not be reached to disconnect a customer: the request is
 * kept as a `disconnect-session` job that retries with backoff, and the
 * caller learns both that it is queued and why.
 */
export async function queueDisconnect(
  ctx: HttpContext,
  router: RouterRow,
  type: SessionType,
  sessionId: string,
  reason: RouterError
) {
  const tenantId = ctx.tenant!.id
  const cached = await cachedSessions(tenantId, router.id)
  const user = cached?.sessions.find((s) => s.id === sessionId && s.type === type)?.user ?? null
  const data: DisconnectJobData = {
    tenantId,
    routerId: router.id,
    sessionId,
    type,
    user,
    actor: actorLabel(ctx.actor!),
  }
  // Same session asked twice within a minute (a double click) → one job.
  const minute = Math.floor(Date.now() / 60_000)
  let jobId: string | undefined
  try {
    const job = await kernel.forPlugin('mikrotik').dispatch('disconnect-session', data, {
      jobId: `disconnect-session.${router.id}.${type}.${sessionId}.${minute}`,
    })
    jobId = job.id
  } catch (error) {
    ctx.logger.warn({ err: error, routerId: router.id }, 'disconnect retry could not be queued')
    throw routerApiError(router, reason)
  }
  await recordProbe(await ctx.tenantDb(), router.id, {
    ok: false,
    status: 'offline',
    error: reason,
  })
  await auditRouterAction(ctx, {
    action: 'mikrotik.session_disconnect_queued',
    routerId: router.id,
    after: { router: router.name, sessionId, type, user, reason: reason.message, jobId },
  })
  const error = routerApiError(router, reason)
  return {
    queued: true as const,
    jobId,
    code: error.code as string,
    message: `${error.message} The disconnect is queued and will be retried.`,
  }
}
