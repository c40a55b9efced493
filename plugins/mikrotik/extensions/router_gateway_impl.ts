import { recordAudit } from '#core/audit/audit_log'
import { withTenant, type TenantTransaction } from '#core/tenancy/tenant_db'
import type { IsolationRequest, RouterGateway, RouterRef } from '../contracts.js'
import { findRouterOrFail, routerChoices } from '../models/router_queries.js'
import type { RouterRow } from '../models/router_presenter.js'
import { checkHotspotUsers, checkIsolationRequest } from '../services/gateway_input.js'
import { pushUsersToRouter } from '../services/hotspot_push.js'
import { queueHotspotUserPush } from '../services/hotspot_push_queue.js'
import { useRouter } from '../services/router_gateway.js'
import { hotspotPushProgress } from '../services/push_progress.js'
import { answeringForRouter } from '../services/router_errors.js'
import { isolateOnRouter, restoreOnRouter } from '../services/router_isolation.js'
import { forgetSessions } from '../services/session_cache.js'

/**
 * The `router.gateway` implementation. The router row is read in a short
 * transaction (or the caller's), the router is driven outside any database
 * transaction, and the audit entry is written only once the router said yes:
 * a router that cannot be reached leaves nothing behind in the database.
 */

function inTenant<T>(ref: RouterRef, work: (trx: TenantTransaction) => Promise<T>) {
  return ref.trx ? work(ref.trx) : withTenant(ref.tenantId, work)
}

function loadRouter(ref: RouterRef): Promise<RouterRow> {
  return inTenant(ref, (trx) => findRouterOrFail(trx, ref.routerId))
}

function audit(ref: RouterRef, router: RouterRow, action: string, after: unknown) {
  return inTenant(ref, (trx) =>
    recordAudit(
      {
        tenantId: ref.tenantId,
        actor: ref.actor ?? 'system:mikrotik',
        action,
        subjectType: 'mikrotik_router',
        subjectId: router.id,
        after,
      },
      trx
    )
  )
}

async function runIsolation(request: IsolationRequest, restoring: boolean) {
  checkIsolationRequest(request, restoring)
  const router = await loadRouter(request)
  const isolation = { ...request, list: request.list || 'isolir' }
  const result = await answeringForRouter(router, () =>
    useRouter(router, (client) =>
      restoring ? restoreOnRouter(client, isolation) : isolateOnRouter(client, isolation)
    )
  )
  await audit(
    request,
    router,
    restoring ? 'mikrotik.customer_restored' : 'mikrotik.customer_isolated',
    {
      router: router.name,
      service: request.service,
      method: request.method,
      username: request.username ?? null,
      address: request.address ?? null,
      list: isolation.list,
      comment: request.comment,
      ...result,
    }
  )
  // The online list changed under the cache: the next read asks the router.
  if (result.sessionsDropped > 0) await forgetSessions(request.tenantId, router.id)
  return result
}

const gateway: RouterGateway = {
  routers: (request) =>
    request.trx ? routerChoices(request.trx) : withTenant(request.tenantId, routerChoices),
  isolate: (request) => runIsolation(request, false),
  restore: (request) => runIsolation(request, true),
  async pushHotspotUsers(request) {
    checkHotspotUsers(request.users)
    const router = await loadRouter(request)
    const outcome = await answeringForRouter(router, () =>
      useRouter(router, (client) => pushUsersToRouter(client, request.users))
    )
    // Names and counts only: voucher passwords stay out of the audit log.
    await audit(request, router, 'mikrotik.hotspot_users_pushed', {
      router: router.name,
      created: outcome.created.length,
      skipped: outcome.skipped.length,
      names: outcome.created.slice(0, 50),
    })
    return { routerId: router.id, ...outcome }
  },
  async queueHotspotUsers(request) {
    // Fails now, not in the worker, when the router is not this tenant's.
    await loadRouter(request)
    return queueHotspotUserPush(request)
  },
  hotspotPushProgress: (request) =>
    hotspotPushProgress(request.tenantId, request.batchId, request.routerId),
}

export default gateway
