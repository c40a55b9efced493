import kernel from '#core/services/kernel'
import { withTenant } from '#core/tenancy/tenant_db'
import type { JobHandler } from '#core/plugins/types'
import { allRouters } from '../models/router_queries.js'
import { isDue, syncTarget, type SyncJobData } from '../services/router_sync.js'

/**
 * The per-tenant schedule: one `sync-router` job per router that is due, so
 * a slow or dead router only delays itself. The job id (router + minute)
 * keeps a tick that runs twice from syncing a router twice.
 */
const syncTenantRouters: JobHandler<{ tenantId: string }> = async ({ tenantId }) => {
  const routers = await withTenant(tenantId, (trx) => allRouters(trx))
  const minute = Math.floor(Date.now() / 60_000)
  const queued: { routerId: string; jobId: string | undefined }[] = []
  for (const router of routers.filter((r) => isDue(r))) {
    // The row travels with the job, so the sync does not read it again.
    const data: SyncJobData = { tenantId, routerId: router.id, router: syncTarget(router) }
    const job = await kernel
      .forPlugin('mikrotik')
      .dispatch('sync-router', data, { jobId: `sync-router.${router.id}.${minute}` })
    queued.push({ routerId: router.id, jobId: job.id })
  }
  return { routers: routers.length, queued }
}
export default syncTenantRouters
