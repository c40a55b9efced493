import { withTenant } from '#core/tenancy/tenant_db'
import { RouterError } from '../routeros/index.js'
import type { RouterRow } from '../models/router_presenter.js'
import { useRouter } from './router_gateway.js'
import { readSessions, type ActiveSession } from './router_sessions.js'
import { probeRouter, recordProbe, type ProbeOutcome } from './router_status.js'
import { cacheSessions } from './session_cache.js'

export interface SyncResult {
  routerId: string
  outcome: 'ok' | 'failed' | 'skipped'
  message?: string
  counts?: { hotspot: number; pppoe: number }
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

/**
 * One sync of one router: status, then the session list into the cache, then
 * a sync log row. The router is asked outside any database transaction, so a
 * slow router never holds a connection of the pool.
 */
export async function syncRouter(tenantId: string, routerId: string): Promise<SyncResult> {
  const router = await withTenant(tenantId, (trx) =>
    trx.from('mikrotik_routers').where('id', routerId).first()
  )
  if (!router) return { routerId, outcome: 'skipped', message: 'ROUTER_DELETED' }

  const startedAt = new Date()
  let probe: ProbeOutcome = await probeRouter(router)
  let sessions: ActiveSession[] | null = null
  if (probe.ok) {
    try {
      sessions = await useRouter(router, readSessions)
      await cacheSessions(tenantId, routerId, sessions)
    } catch (error) {
      if (!(error instanceof RouterError)) throw error
      probe = { ok: false, status: 'offline', error }
    }
  }
  const counts = sessions
    ? {
        hotspot: sessions.filter((s) => s.type === 'hotspot').length,
        pppoe: sessions.filter((s) => s.type === 'pppoe').length,
      }
    : undefined
  const message = probe.ok ? undefined : probe.error.message

  await withTenant(tenantId, async (trx) => {
    const saved = await recordProbe(trx, routerId, probe, { last_synced_at: startedAt })
    // Deleted while we were talking to it: nothing left to log against.
    if (!saved) return
    await trx.table('mikrotik_sync_logs').insert({
      tenant_id: tenantId,
      router_id: routerId,
      started_at: startedAt,
      finished_at: new Date(),
      outcome: probe.ok ? 'ok' : 'failed',
      message: message ?? null,
      counts: JSON.stringify(counts ?? {}),
    })
  })
  return { routerId, outcome: probe.ok ? 'ok' : 'failed', message, counts }
}
