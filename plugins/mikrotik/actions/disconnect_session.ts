import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'
import { RouterError } from '../routeros/index.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { auditRouterAction } from '../services/router_audit.js'
import { routerApiError } from '../services/router_errors.js'
import { SESSION_ID, disconnectSession } from '../services/session_disconnect.js'
import { forgetSessions } from '../services/session_cache.js'
import { queueDisconnect } from '../services/disconnect_retry.js'
import type { ActiveSession, SessionType } from '../services/router_sessions.js'

const notFound = (type: string) =>
  new ApiError(
    404,
    'SESSION_NOT_FOUND',
    `No active ${type} session with this id on the router; it may have ended already. Reload the session list.`
  )

export type DisconnectAnswer =
  | { disconnected: true; session: ActiveSession }
  | { queued: true; jobId: string | undefined; code: string; message: string }

/**
 * Disconnects an online customer for the API or the panel. A router that
 * cannot be reached gets the disconnect queued for a retry; a wrong password
 * or a refusal fails now, since a retry would fail the same way.
 */
export async function requestDisconnect(
  ctx: HttpContext,
  routerId: string,
  type: SessionType,
  sessionId: string
): Promise<DisconnectAnswer> {
  const router = await findRouterOrFail(await ctx.tenantDb(), routerId)
  if (!SESSION_ID.test(sessionId)) throw notFound(type)

  let result
  try {
    result = await disconnectSession(router, type, sessionId)
  } catch (error) {
    if (!(error instanceof RouterError)) throw error
    if (!error.transient) throw routerApiError(router, error)
    return queueDisconnect(ctx, router, type, sessionId, error)
  }
  if (result.outcome !== 'disconnected') throw notFound(type)

  await auditRouterAction(ctx, {
    action: 'mikrotik.session_disconnected',
    routerId: router.id,
    after: {
      router: router.name,
      sessionId,
      type,
      user: result.session.user,
      address: result.session.address,
    },
  })
  ctx.afterCommit(() => forgetSessions(router.tenant_id, router.id))
  return { disconnected: true, session: result.session }
}
