import { withTenant } from '#core/tenancy/tenant_db'
import { useRouter } from '../../plugins/mikrotik/services/router_gateway.js'
import { readSessions } from '../../plugins/mikrotik/services/router_sessions.js'
import { probeRouter, recordProbe } from '../../plugins/mikrotik/services/router_status.js'
import { cacheSessions } from '../../plugins/mikrotik/services/session_cache.js'

/**
 * Diagnosis only, not a figure of the benchmark: the steps of the plugin's
 * router sync, called one by one in the order router_sync.ts runs them, with
 * a clock around each. Summed over routers, the times show which step the
 * plugin's extra wall time goes to. Keep in step with router_sync.ts.
 */
export const PHASES = [
  'load router row (DB)',
  'probe: login + resource + identity',
  'read sessions (2 prints + mapping)',
  'cache sessions (JSON + Redis SET)',
  'status + sync log (DB)',
] as const

export async function phasePass(tenantId: string, routerIds: string[], concurrency: number) {
  const totals = new Map<string, number>(PHASES.map((p) => [p, 0]))
  const timed = async <T>(phase: (typeof PHASES)[number], work: () => Promise<T>) => {
    const started = performance.now()
    try {
      return await work()
    } finally {
      totals.set(phase, totals.get(phase)! + performance.now() - started)
    }
  }
  let next = 0
  const lane = async () => {
    while (next < routerIds.length) {
      const routerId = routerIds[next++]
      const router = await timed(PHASES[0], () =>
        withTenant(tenantId, (trx) => trx.from('mikrotik_routers').where('id', routerId).first())
      )
      const startedAt = new Date()
      const probe = await timed(PHASES[1], () => probeRouter(router))
      if (!probe.ok) throw probe.error
      const sessions = await timed(PHASES[2], () => useRouter(router, readSessions))
      await timed(PHASES[3], () => cacheSessions(tenantId, routerId, sessions))
      await timed(PHASES[4], () =>
        withTenant(tenantId, async (trx) => {
          await recordProbe(trx, routerId, probe, { last_synced_at: startedAt })
          await trx.table('mikrotik_sync_logs').insert({
            tenant_id: tenantId,
            router_id: routerId,
            started_at: startedAt,
            finished_at: new Date(),
            outcome: 'ok',
            message: null,
            counts: JSON.stringify({
              hotspot: sessions.filter((s) => s.type === 'hotspot').length,
              pppoe: sessions.filter((s) => s.type === 'pppoe').length,
            }),
          })
        })
      )
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, routerIds.length) }, lane))
  return totals
}
