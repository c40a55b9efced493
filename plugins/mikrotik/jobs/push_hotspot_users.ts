import { UnrecoverableError } from 'bullmq'
import { ApiError } from '#core/http/api_error'
import type { JobHandler } from '#core/plugins/types'
import gateway from '../extensions/router_gateway_impl.js'
import type { PushHotspotUsersJobData } from '../services/hotspot_push_queue.js'

/**
 * Pushes a batch of hotspot users (typically vouchers) in chunks. A run that
 * dies halfway is simply run again: users already on the router are skipped
 * by name, so a retry finishes the batch without duplicates, including the
 * user whose add reached the router just before the connection broke.
 */
const pushHotspotUsersJob: JobHandler<PushHotspotUsersJobData> = async ({
  tenantId,
  data,
  progress,
}) => {
  const total = data.users.length
  let created = 0
  let skipped = 0
  for (let start = 0; start < total; start += data.chunkSize) {
    const users = data.users.slice(start, start + data.chunkSize)
    try {
      const result = await gateway.pushHotspotUsers({
        tenantId,
        routerId: data.routerId,
        actor: data.actor,
        users,
      })
      created += result.created.length
      skipped += result.skipped.length
    } catch (error) {
      // A missing router or profile will not fix itself: retrying only delays the operator.
      if (error instanceof ApiError && error.status < 500) {
        throw new UnrecoverableError(`${error.code}: ${error.message}`)
      }
      throw error
    }
    const done = Math.min(start + users.length, total)
    await progress({ percent: Math.round((done / total) * 100), done, total, created, skipped })
  }
  return { batchId: data.batchId, total, created, skipped }
}
export default pushHotspotUsersJob
