import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import kernel from '#core/services/kernel'
import { readVoucherSettings } from './voucher_settings.js'
import type { TenantTransaction } from '#core/tenancy/tenant_db'
import {
  routerGateway,
  type HotspotPushProgress,
  type HotspotUserInput,
  type RouterGateway,
} from '#plugins/mikrotik/contracts'

/**
 * Push delivery: a batch becomes hotspot users on a router, through the
 * MikroTik plugin's gateway (queued, one job per batch, safe to rerun). The
 * router then checks the codes itself; RADIUS delivery is recommended because
 * time, quota and single use are then enforced in one place.
 */

/** The tenant's router gateway, or null when the MikroTik plugin is not enabled for it. */
export async function routerGatewayFor(tenantId: string): Promise<RouterGateway | null> {
  const [first] = await kernel.extensionsFor(routerGateway, tenantId)
  return first?.implementation ?? null
}

/** RouterOS durations: 90 minutes → `1h30m`, 3 days → `3d`. */
export function routerOsDuration(minutes: number) {
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  return `${days ? `${days}d` : ''}${hours ? `${hours}h` : ''}${rest ? `${rest}m` : ''}` || '0s'
}

const field = (name: string, message: string, rule: string) =>
  ApiError.unprocessable([{ field: name, message, rule }])

/** Refuses a push that cannot work before anything is created. */
export async function assertCanPush(tenantId: string, routerId: string | null | undefined) {
  if (!routerId) {
    throw field('routerId', 'Choose the router that receives the vouchers', 'required')
  }
  const gateway = await routerGatewayFor(tenantId)
  if (!gateway) {
    throw field(
      'delivery',
      'Pushing vouchers to a router needs the MikroTik plugin; use RADIUS delivery or ask for the plugin',
      'plugin'
    )
  }
  return gateway
}

/**
 * Queues the batch's vouchers for the router, in the batch's transaction: a
 * router that is not the tenant's refuses the whole batch. Queueing the same
 * batch again returns the job already there.
 */
export async function queueBatchPush(
  trx: TransactionClientContract,
  gateway: RouterGateway,
  input: {
    tenantId: string
    actor: string
    batchId: string
    routerId: string
    profile: string
    durationMinutes: number | null
    comment: string
  }
) {
  const vouchers: { username: string; password: string }[] = await trx
    .from('vouchers')
    .where('batch_id', input.batchId)
    .select('username', 'password')
    .orderBy('username')
  // Unset: the router lets the users log in on every hotspot server (`all`).
  const { hotspotServer } = await readVoucherSettings(trx)
  const users: HotspotUserInput[] = vouchers.map((v) => ({
    name: v.username,
    password: v.password,
    profile: input.profile,
    ...(input.durationMinutes ? { limitUptime: routerOsDuration(input.durationMinutes) } : {}),
    ...(hotspotServer ? { server: hotspotServer } : {}),
    comment: input.comment,
  }))
  try {
    const { jobId } = await gateway.queueHotspotUsers({
      tenantId: input.tenantId,
      routerId: input.routerId,
      trx,
      actor: input.actor,
      batchId: input.batchId,
      users,
    })
    await trx.from('voucher_batches').where('id', input.batchId).update({ push_job_id: jobId })
    return jobId
  } catch (error) {
    if (error instanceof ApiError && error.code === 'ROUTER_NOT_FOUND') {
      throw field('routerId', 'No router with this id exists in this account', 'exists')
    }
    throw error
  }
}

export type PushStatus = Pick<
  HotspotPushProgress,
  'state' | 'total' | 'done' | 'percent' | 'created' | 'skipped' | 'error'
>

/**
 * Where a pushed batch stands. The queue forgets finished jobs after a day,
 * so a finished push is written down on the batch when first seen.
 */
export async function batchPushStatus(
  trx: TransactionClientContract,
  batch: { id: string; tenant_id: string; delivery: string; count: number; pushed_at: Date | null }
): Promise<PushStatus | null> {
  if (batch.delivery !== 'push') return null
  if (batch.pushed_at) {
    return {
      state: 'completed',
      total: batch.count,
      done: batch.count,
      percent: 100,
      created: 0,
      skipped: 0,
      error: null,
    }
  }
  const gateway = await routerGatewayFor(batch.tenant_id)
  const progress = await gateway?.hotspotPushProgress?.({
    tenantId: batch.tenant_id,
    batchId: batch.id,
  })
  if (!progress) return null
  if (progress.state === 'completed') {
    await trx
      .from('voucher_batches')
      .where('id', batch.id)
      .update({ pushed_at: progress.finishedAt ?? new Date() })
  }
  const { state, total, done, percent, created, skipped, error } = progress
  return { state, total, done, percent, created, skipped, error }
}

/**
 * Routers a batch can be pushed to, for the generator's and the settings'
 * choice lists; empty without the MikroTik plugin.
 */
export async function routerChoices(
  trx: TransactionClientContract,
  tenantId: string
): Promise<{ id: string; name: string }[]> {
  const gateway = await routerGatewayFor(tenantId)
  if (!gateway) return []
  const routers = await gateway.routers({ tenantId, trx: trx as TenantTransaction })
  return routers.map(({ id, name }) => ({ id, name }))
}
