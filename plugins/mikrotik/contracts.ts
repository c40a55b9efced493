import { defineExtensionPoint } from '#core/plugins/define_plugin'
import type { TenantTransaction } from '#core/tenancy/tenant_db'

/**
 * The MikroTik plugin's public surface. Billing isolates and restores
 * customers through `routerGateway`, the voucher plugin pushes hotspot users
 * through it; neither needs to know the RouterOS API. Every method throws an
 * ApiError with a code (`ROUTER_UNREACHABLE`, `ROUTER_NOT_FOUND`,
 * `VALIDATION_FAILED`, ...) and a message an operator can act on.
 */

export interface RouterRef {
  tenantId: string
  routerId: string
  /** The caller's tenant transaction: the audit entry then commits or rolls back with it */
  trx?: TenantTransaction
  /** Who asked, for the audit log: `user:<id>`, `system:billing`; defaults to `system:mikrotik` */
  actor?: string
}

export type IsolationService = 'pppoe' | 'hotspot'
/** `address_list`: firewall redirect, session kept; `profile`: move the account to an expired profile */
export type IsolationMethod = 'address_list' | 'profile'

export interface IsolationRequest extends RouterRef {
  /** The customer's address; needed by `address_list` */
  address?: string
  /** PPP secret or hotspot user name; needed by `profile`, and to find the session to drop */
  username?: string
  service: IsolationService
  method: IsolationMethod
  /** Profile to move the account to; needed by `profile` on isolate */
  isolatedProfile?: string
  /** Address list name; `isolir` unless the router's rules use another */
  list?: string
  /** Why, as the operator should read it on the router, e.g. `belum bayar INV-2026-0042` */
  comment: string
}

export interface IsolationResult {
  routerId: string
  /** What happened to the address-list entry */
  addressList: 'added' | 'already_listed' | 'removed' | 'not_listed' | 'untouched'
  /** Profile change, when the method is `profile` */
  profile: { from: string; to: string } | null
  /** Active sessions removed so the customer reconnects under the new rules */
  sessionsDropped: number
}

export interface HotspotUserInput {
  name: string
  password: string
  profile: string
  /** RouterOS duration such as `1d` or `3h30m` */
  limitUptime?: string
  /** Hotspot server the user may log in on, as named under /ip hotspot; every server (`all`) unless given */
  server?: string
  comment: string
}

export interface PushHotspotUsersResult {
  routerId: string
  created: string[]
  /** Already on the router: left as they are, never duplicated */
  skipped: string[]
}

export interface QueueHotspotUsersRequest extends RouterRef {
  /** The caller's batch id: queueing the same batch twice runs it once */
  batchId: string
  users: HotspotUserInput[]
  /** Users per round trip; 50 unless given */
  chunkSize?: number
}

/** Where a queued push stands; `error` is the router's or the check's reason, readable as is. */
export interface HotspotPushProgress {
  batchId: string
  routerId: string
  /** `retrying`: an attempt failed (router unreachable...) and the queue tries again with backoff */
  state: 'queued' | 'running' | 'retrying' | 'completed' | 'failed'
  total: number
  /** Users handled so far (created or already there) */
  done: number
  created: number
  skipped: number
  percent: number
  attempts: number
  error: string | null
  queuedAt: string
  finishedAt: string | null
}

/** A router as other plugins may show it in a choice list */
export interface RouterChoice {
  id: string
  name: string
  status: 'unknown' | 'online' | 'offline'
}

export interface RouterGateway {
  /** The tenant's routers by name, for other plugins' choice lists (at most 500) */
  routers(request: Pick<RouterRef, 'tenantId' | 'trx'>): Promise<RouterChoice[]>
  isolate(request: IsolationRequest): Promise<IsolationResult>
  /** Undoes `isolate`: same arguments, `isolatedProfile` not needed */
  restore(request: IsolationRequest): Promise<IsolationResult>
  pushHotspotUsers(
    request: RouterRef & { users: HotspotUserInput[] }
  ): Promise<PushHotspotUsersResult>
  /** Queues the push for the worker (large batches); the job reports progress and is safe to rerun */
  queueHotspotUsers(request: QueueHotspotUsersRequest): Promise<{ jobId: string }>
  /**
   * Progress of a batch queued with `queueHotspotUsers`, by its batch id; null
   * when this tenant queued no such batch. Also served at
   * `GET /api/v1/routers/:id/push-vouchers/:batch_id`.
   */
  hotspotPushProgress?(
    request: Pick<RouterRef, 'tenantId'> & { batchId: string; routerId?: string }
  ): Promise<HotspotPushProgress | null>
}

export const routerGateway = defineExtensionPoint<RouterGateway>(
  'router.gateway',
  'Drives a MikroTik router: isolate and restore customers, push hotspot users'
)
