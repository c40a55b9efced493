import kernel from '#core/services/kernel'
import type { HotspotPushProgress } from '../contracts.js'
import { pushJobId, type PushHotspotUsersJobData } from './hotspot_push_queue.js'

const QUEUE = 'mikrotik.default'

interface ProgressValue {
  percent?: number
  done?: number
  total?: number
  created?: number
  skipped?: number
}

/**
 * Where a queued push of hotspot users stands, read from its job: the batch
 * id names the job, so the voucher plugin and the panel ask by batch. Null
 * when no such batch was queued for this tenant (or its record expired).
 */
export async function hotspotPushProgress(
  tenantId: string,
  batchId: string,
  routerId?: string
): Promise<HotspotPushProgress | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(batchId)) return null
  const job = await kernel.queue.queue(QUEUE).getJob(pushJobId(tenantId, batchId))
  if (!job) return null
  const data = job.data as PushHotspotUsersJobData & { tenantId: string }
  if (data.tenantId !== tenantId) return null
  if (routerId && data.routerId !== routerId) return null

  const jobState = await job.getState()
  const progress: ProgressValue = typeof job.progress === 'object' ? (job.progress as any) : {}
  const result = (job.returnvalue ?? null) as ProgressValue | null
  const total = data.users.length
  const done = jobState === 'completed' ? total : (progress.done ?? 0)
  const state: HotspotPushProgress['state'] =
    jobState === 'completed'
      ? 'completed'
      : jobState === 'failed'
        ? 'failed'
        : jobState === 'active'
          ? 'running'
          : job.attemptsMade > 0
            ? 'retrying'
            : 'queued'
  return {
    batchId: data.batchId,
    routerId: data.routerId,
    state,
    total,
    done,
    created: result?.created ?? progress.created ?? 0,
    skipped: result?.skipped ?? progress.skipped ?? 0,
    percent: total ? Math.round((done / total) * 100) : 100,
    attempts: job.attemptsMade,
    error: state === 'failed' || state === 'retrying' ? job.failedReason || null : null,
    queuedAt: new Date(job.timestamp).toISOString(),
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  }
}
