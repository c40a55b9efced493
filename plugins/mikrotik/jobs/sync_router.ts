import type { JobHandler } from '#core/plugins/types'
import { syncRouter, type SyncJobData } from '../services/router_sync.js'

/**
 * Syncs one router. A router that is down is a normal outcome (logged and
 * shown as offline), not a job failure: the next round tries again anyway.
 */
const syncRouterJob: JobHandler<SyncJobData> = async ({ tenantId, data, logger }) => {
  const result = await syncRouter(tenantId, data.routerId, data.router)
  if (result.outcome === 'failed')
    logger.info({ routerId: data.routerId, reason: result.message }, 'router sync failed')
  return result
}
export default syncRouterJob
