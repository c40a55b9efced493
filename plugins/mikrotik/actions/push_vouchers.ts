import { randomBytes } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import type { pushVouchersValidator } from '../validators.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { actorLabel, auditRouterAction } from '../services/router_audit.js'
import { queueHotspotUserPush } from '../services/hotspot_push_queue.js'
import { hotspotPushProgress } from '../services/push_progress.js'

export type PushVouchersInput = Infer<typeof pushVouchersValidator>

/** `push-20261124-0805-3fa9c1`: sorts by time, and two pushes in the same minute still differ. */
function newBatchId() {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  return `push-${stamp}-${randomBytes(3).toString('hex')}`
}

/**
 * Queues hotspot users (vouchers) for the worker to push to a router, the
 * same job the voucher plugin reaches through `router.gateway`. Pushing the
 * same batch id again returns the job already there.
 */
export async function pushVouchers(ctx: HttpContext, routerId: string, input: PushVouchersInput) {
  const router = await findRouterOrFail(await ctx.tenantDb(), routerId)
  const tenantId = ctx.tenant!.id
  const batchId = input.batchId ?? newBatchId()
  const { jobId } = await queueHotspotUserPush({
    tenantId,
    routerId: router.id,
    batchId,
    users: input.users.map((user) => ({ ...user, comment: user.comment ?? '' })),
    chunkSize: input.chunkSize,
    actor: actorLabel(ctx.actor!),
  })
  await auditRouterAction(ctx, {
    action: 'mikrotik.hotspot_push_queued',
    routerId: router.id,
    after: { router: router.name, batchId, users: input.users.length, jobId },
  })
  return { jobId, batchId, progress: await hotspotPushProgress(tenantId, batchId, router.id) }
}
