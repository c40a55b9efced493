import { ApiError } from '#core/http/api_error'
import kernel from '#core/services/kernel'
import type { HotspotUserInput, QueueHotspotUsersRequest } from '../contracts.js'
import { checkHotspotUsers } from './gateway_input.js'

export type PushHotspotUsersJobData = {
  routerId: string
  batchId: string
  users: HotspotUserInput[]
  chunkSize: number
  actor: string
}

const BATCH_ID = /^[A-Za-z0-9_-]{1,64}$/
/** Small enough that a crash loses little work, large enough to keep round trips few. */
export const DEFAULT_CHUNK_SIZE = 50

/** One job per batch: queueing the same batch again returns the job already there. */
export function pushJobId(tenantId: string, batchId: string) {
  return `push-hotspot-users.${tenantId}.${batchId}`
}

export async function queueHotspotUserPush(request: QueueHotspotUsersRequest) {
  if (typeof request.batchId !== 'string' || !BATCH_ID.test(request.batchId)) {
    throw ApiError.unprocessable([
      {
        field: 'batchId',
        message: 'batchId must be 1 to 64 letters, digits, "-" or "_"',
        rule: 'batch_id',
      },
    ])
  }
  checkHotspotUsers(request.users)
  const chunkSize = Math.min(Math.max(Math.floor(request.chunkSize ?? DEFAULT_CHUNK_SIZE), 1), 500)
  const data: PushHotspotUsersJobData & { tenantId: string } = {
    tenantId: request.tenantId,
    routerId: request.routerId,
    batchId: request.batchId,
    users: request.users,
    chunkSize,
    actor: request.actor ?? 'system:mikrotik',
  }
  const jobId = pushJobId(request.tenantId, request.batchId)
  await kernel.forPlugin('mikrotik').dispatch('push-hotspot-users', data, { jobId })
  return { jobId }
}
