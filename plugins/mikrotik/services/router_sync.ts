import { withTenant } from '#core/tenancy/tenant_db'
import { RouterError } from '../routeros/index.js'
import type { RouterRow } from '../models/router_presenter.js'
import { useRouter, type RouterTarget } from './router_gateway.js'
import { readSessions, type ActiveSession } from './router_sessions.js'
import { probeColumns, readFacts, type ProbeOutcome } from './router_status.js'
import { cacheSessions } from './session_cache.js'

export interface SyncResult {
  routerId: string
  outcome: 'ok' | 'failed' | 'skipped'
  message?: string
  counts?: { hotspot: number; pppoe: number }
}

/** What a `sync-router` job carries: the router as the tenant's round loaded it. */
export type SyncTarget = RouterTarget

export type SyncJobData = {
  tenantId: string
  routerId: string
  /** Saves the row read; absent in jobs queued by hand, which then read it */
  router?: SyncTarget
}

/**
 * A router is due when it was never synced or its own interval has passed.
 * The slack keeps a router whose interval equals the schedule's tick from
 * being skipped every other tick because of timing jitter.
 */
export function isDue(router: Pick<RouterRow, 'last_synced_at' | 'sync_interval_seconds'>) {
  if (!router.last_synced_at) return true
  const elapsed = Date.now() - new Date(router.last_synced_at).getTime()
  return elapsed >= router.sync_interval_seconds * 1000 - 30_000
}

/** The part of a router row a sync needs, for the job data. */
export function syncTarget(row: RouterTarget): SyncTarget {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls,
    api_user: row.api_user,
    api_password_encrypted: row.api_password_encrypted,
  }
}

/**
 * Status and session lists in one go: the four prints travel together over
 * the router's one connection, so a sync costs the router a single round
 * trip after the login.
 */
async function askRouter(router: SyncTarget) {
  try {
    const { facts, sessions } = await useRouter(router, async (client) => {
      const [routerFacts, list] = await Promise.all([readFacts(client), readSessions(client)])
      return { facts: routerFacts, sessions: list }
    })
    const probe: ProbeOutcome = { ok: true, status: 'online', facts }
    return { probe, sessions }
  } catch (error) {
    if (!(error instanceof RouterError)) throw error
    const probe: ProbeOutcome = { ok: false, status: 'offline', error }
    return { probe, sessions: null }
  }
}

/**
 * Saves the status and the sync log in one statement of one transaction.
 * The status is written only if the router still has the address and login
 * the sync used: a router edited or deleted meanwhile keeps what its editor
 * gave it, and the stale outcome is dropped with its log.
 */
export async function saveOutcome(
  tenantId: string,
  router: SyncTarget,
  probe: ProbeOutcome,
  log: { startedAt: Date; counts?: SyncResult['counts']; message?: string }
): Promise<boolean> {
  const now = new Date()
  const columns = { ...probeColumns(probe, now), last_synced_at: log.startedAt, updated_at: now }
  const names = Object.keys(columns)
  const sql = `
    WITH saved AS (
      UPDATE mikrotik_routers SET ${names.map((name) => `"${name}" = ?`).join(', ')}
      WHERE id = ? AND host = ? AND port = ? AND tls = ? AND api_user = ? AND api_password_encrypted = ?
      RETURNING id, tenant_id
    )
    INSERT INTO mikrotik_sync_logs (tenant_id, router_id, started_at, finished_at, outcome, message, counts)
    SELECT tenant_id, id, ?, ?, ?, ?, ?::jsonb FROM saved
    RETURNING id`
  const bindings = [
    ...names.map((name) => columns[name as keyof typeof columns]),
    router.id,
    router.host,
    router.port,
    router.tls,
    router.api_user,
    router.api_password_encrypted,
    log.startedAt,
    now,
    probe.ok ? 'ok' : 'failed',
    log.message ?? null,
    JSON.stringify(log.counts ?? {}),
  ]
  const result = await withTenant(tenantId, (trx) => trx.rawQuery(sql, bindings as any[]))
  return result.rows.length > 0
}

function countSessions(sessions: ActiveSession[]) {
  let hotspot = 0
  for (const session of sessions) if (session.type === 'hotspot') hotspot++
  return { hotspot, pppoe: sessions.length - hotspot }
}

/**
 * One sync of one router: status and online sessions in one exchange,
 * status and sync log in one statement, then the session list into the cache.
 * The router is asked outside any database transaction, so a slow router
 * never holds a connection of the pool.
 */
export async function syncRouter(
  tenantId: string,
  routerId: string,
  carried?: SyncTarget
): Promise<SyncResult> {
  const router: SyncTarget | undefined =
    carried && carried.id === routerId
      ? carried
      : await withTenant(tenantId, (trx) =>
          trx.from('mikrotik_routers').where('id', routerId).first()
        )
  if (!router) return { routerId, outcome: 'skipped', message: 'ROUTER_DELETED' }

  const startedAt = new Date()
  const { probe, sessions } = await askRouter(router)
  const counts = sessions ? countSessions(sessions) : undefined
  const message = probe.ok ? undefined : probe.error.message

  const saved = await saveOutcome(tenantId, router, probe, { startedAt, counts, message })
  // Deleted or pointed elsewhere while we were talking to it: nothing to log or cache.
  if (!saved) return { routerId, outcome: 'skipped', message: 'ROUTER_CHANGED' }
  if (sessions) await cacheSessions(tenantId, routerId, sessions)
  return { routerId, outcome: probe.ok ? 'ok' : 'failed', message, counts }
}
