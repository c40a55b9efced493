import { recordAudit } from '#core/audit/audit_log'
import { withTenant } from '#core/tenancy/tenant_db'
import type { JobHandler } from '#core/plugins/types'
import type { DisconnectJobData } from '../services/disconnect_retry.js'
import { disconnectSession } from '../services/session_disconnect.js'
import { forgetSessions } from '../services/session_cache.js'

/**
 * Retries a disconnect the router could not take when it was asked. A router
 * failure throws, so the queue retries with backoff; a session that ended in
 * the meantime, or whose id now belongs to someone else, is left alone.
 */
const disconnectSessionJob: JobHandler<DisconnectJobData> = async ({ tenantId, data, attempt }) => {
  const router = await withTenant(tenantId, (trx) =>
    trx.from('mikrotik_routers').where('id', data.routerId).first()
  )
  if (!router) return { outcome: 'skipped', reason: 'ROUTER_DELETED' }

  const result = await disconnectSession(router, data.type, data.sessionId, data.user)
  if (result.outcome !== 'disconnected') return { outcome: result.outcome }

  await withTenant(tenantId, (trx) =>
    recordAudit(
      {
        tenantId,
        actor: data.actor,
        action: 'mikrotik.session_disconnected',
        subjectType: 'mikrotik_router',
        subjectId: router.id,
        after: {
          router: router.name,
          sessionId: data.sessionId,
          type: data.type,
          user: result.session.user,
          address: result.session.address,
          queued: true,
          attempt,
        },
      },
      trx
    )
  )
  await forgetSessions(tenantId, router.id)
  return { outcome: 'disconnected', user: result.session.user }
}
export default disconnectSessionJob
