import { useRouter } from '../../plugins/mikrotik/services/router_gateway.js'
import { readSessions } from '../../plugins/mikrotik/services/router_sessions.js'
import { readFacts } from '../../plugins/mikrotik/services/router_status.js'
import { cacheSessions } from '../../plugins/mikrotik/services/session_cache.js'
import { saveOutcome, type SyncTarget } from '../../plugins/mikrotik/services/router_sync.js'

/**
 * Diagnosis only, not a figure of the benchmark: the steps of the plugin's
 * router sync, called one by one in the order router_sync.ts runs them, with
 * a clock around each. Summed over routers, the times show which step the
 * plugin's extra wall time goes to. The router row comes with the job, as
 * in the plugin. Keep in step with router_sync.ts.
 */
export const PHASES = [
  'login (pool connect)',
  'resource + identity + 2 session prints, together',
  'status + sync log (DB, one statement)',
  'cache sessions (compact JSON + Redis SET)',
] as const

export async function phasePass(tenantId: string, routers: SyncTarget[], concurrency: number) {
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
    while (next < routers.length) {
      const router = routers[next++]
      const startedAt = new Date()
      await timed(PHASES[0], () => useRouter(router, async () => {}))
      const { facts, sessions } = await timed(PHASES[1], () =>
        useRouter(router, async (client) => {
          const [f, s] = await Promise.all([readFacts(client), readSessions(client)])
          return { facts: f, sessions: s }
        })
      )
      await timed(PHASES[2], () =>
        saveOutcome(
          tenantId,
          router,
          { ok: true, status: 'online', facts },
          { startedAt, counts: { hotspot: sessions.length, pppoe: 0 } }
        )
      )
      await timed(PHASES[3], () => cacheSessions(tenantId, router.id, sessions))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, routers.length) }, lane))
  return totals
}
