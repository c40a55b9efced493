import type { JobHandler } from '#core/plugins/types'
import { syncRouter } from '../services/router_sync.js'

/**
 * Syncs one router. A router that is down is a normal outcome (logged and
 * shown as offline), not a job failure: the next round tries again anyway.
 */
const syncRouterJob: JobHandler<{ tenantId: string; routerId: string }> = async ({
  tenantId,
  data,
  logger,
}) => {
  const result = await syncRouter(tenantId, data.routerId)
  if (result.outcome === 'failed')
    logger.info({ routerId: data.routerId, reason: result.message }, 'router sync failed')
  return result
}
export default syncRouterJob
