import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { RouterError } from '../routeros/index.js'
import { disconnectSessionValidator } from '../validators.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { auditRouterAction } from '../services/router_audit.js'
import { routerApiError } from '../services/router_errors.js'
import { SESSION_ID, disconnectSession } from '../services/session_disconnect.js'
import { forgetSessions } from '../services/session_cache.js'
import { queueDisconnect } from '../services/disconnect_retry.js'

const notFound = (type: string) =>
  new ApiError(
    404,
    'SESSION_NOT_FOUND',
    `No active ${type} session with this id on the router; it may have ended already. Reload the session list.`
  )

export default class DisconnectRouterSession {
  static docs: EndpointDocs = {
    summary: 'Disconnect an online customer (removes the hotspot or PPPoE active session)',
    description:
      'type=hotspot|pppoe says which list the session id belongs to. When the router cannot be reached, the disconnect is queued and retried: 202 with { queued: true, code, message }.',
    tags: ['mikrotik'],
    query: disconnectSessionValidator,
    responses: {
      200: '{ disconnected: true, session }',
      202: '{ queued: true, jobId, code: ROUTER_UNREACHABLE|ROUTER_TIMEOUT, message }',
      404: 'ROUTER_NOT_FOUND or SESSION_NOT_FOUND',
      502: 'ROUTER_AUTH_FAILED or another router failure a retry would not fix',
    },
  }

  async handle(ctx: HttpContext) {
    const { type } = await ctx.request.validateUsing(disconnectSessionValidator)
    const router = await findRouterOrFail(await ctx.tenantDb(), ctx.params.id)
    const sessionId = String(ctx.params.session_id)
    if (!SESSION_ID.test(sessionId)) throw notFound(type)

    let result
    try {
      result = await disconnectSession(router, type, sessionId)
    } catch (error) {
      if (!(error instanceof RouterError)) throw error
      // Wrong password or a refusal will fail the same way later: say so now instead.
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
    return ctx.response.ok({ disconnected: true, session: result.session })
  }
}
