/*
 * Full sync of a tenant's MikroTik routers through the plugin's real sync
 * path (the `sync-router` job, run in this process) against the plugin's
 * RouterOS client reading the same sessions bare, in the same run, at the
 * same concurrency, from simulated routers on 127.0.0.1.
 *
 *   node --import=@poppinss/ts-exec bench/mikrotik_sync.ts [--routers 50]
 *        [--hotspot 1000] [--ppp 1000] [--syncs 5] [--concurrency 5] [--phases]
 *
 * --phases adds a diagnosis table: where a sync's time goes, step by step.
 * Concurrency defaults to what a queue worker runs (QUEUE_CONCURRENCY, 5).
 * Goals: plugin / raw ≥ 0.8 in sessions per second; heap and RSS flat from
 * the first to the last sync. A missed goal is printed, not an exit code.
 */
import { parseArgs } from 'node:util'
import { benchEnv, printTable, runAce } from './support.js'
import { startFleet, type Fleet } from './mikrotik/fleet.js'
import { bootApp } from './mikrotik/boot_app.js'
import { sampleMemory, type MemorySample } from './mikrotik/memory.js'

const { values } = parseArgs({
  options: {
    routers: { type: 'string', default: '50' },
    hotspot: { type: 'string', default: '1000' },
    ppp: { type: 'string', default: '1000' },
    syncs: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: process.env.QUEUE_CONCURRENCY || '5' },
    phases: { type: 'boolean', default: false },
  },
})
const ROUTERS = Number(values.routers)
const HOTSPOT = Number(values.hotspot)
const PPP = Number(values.ppp)
const SYNCS = Math.max(2, Number(values.syncs))
const CONCURRENCY = Number(values.concurrency)
const API_PASSWORD = 'bench-router-secret'
const EXPECTED = ROUTERS * (HOTSPOT + PPP)

const env = benchEnv({})

// Everything started is stopped in reverse order, on success, error or Ctrl-C.
const cleanups: (() => Promise<unknown>)[] = []
let cleaning: Promise<void> | undefined
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {})
  })())
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the simulators and the app…`)
    void cleanup().then(() => process.exit(130))
  })
}

try {
  await runAce(['migration:run', '--force', '--connection=platform'], env)
  const fleet: Fleet = await startFleet({
    routers: ROUTERS,
    hotspotActive: HOTSPOT,
    pppActive: PPP,
    password: API_PASSWORD,
  })
  cleanups.push(() => fleet.stop())

  const app = await bootApp(env)
  // The app's terminating hooks close the router pool, Redis and the database.
  cleanups.push(() => app.terminate())
  // Modules that use the app's services can only be loaded once it is booted.
  const { prepareTenant } = await import('./mikrotik/setup.js')
  const { rawPass, pluginPass } = await import('./mikrotik/passes.js')
  const { closeRouterConnections } = await import('../plugins/mikrotik/services/router_gateway.js')

  const { tenantId } = await prepareTenant(fleet.ports, API_PASSWORD)
  // What the tenant's sync round reads once, in one query, and hands to each sync job.
  const { withTenant } = await import('#core/tenancy/tenant_db')
  const { allRouters } = await import('../plugins/mikrotik/models/router_queries.js')
  const { syncTarget } = await import('../plugins/mikrotik/services/router_sync.js')
  const targets = (await withTenant(tenantId, (trx) => allRouters(trx))).map(syncTarget)

  const check = (side: string, sessions: number) => {
    if (sessions !== EXPECTED) {
      throw new Error(`${side} read ${sessions} sessions, expected ${EXPECTED}`)
    }
  }

  // Warm up JIT, sockets and the simulators before anything is measured.
  check('raw warm-up', (await rawPass(fleet.ports, API_PASSWORD, CONCURRENCY)).sessions)

  const memory: { label: string; sample: MemorySample }[] = [
    { label: 'before the first sync', sample: sampleMemory() },
  ]
  const raw: number[] = []
  const plugin: number[] = []
  // Alternate, so drift in machine load hits both sides alike.
  for (let sync = 1; sync <= SYNCS; sync++) {
    const r = await rawPass(fleet.ports, API_PASSWORD, CONCURRENCY)
    check('raw', r.sessions)
    raw.push(r.seconds)
    // The schedule runs every 300 s and the pool drops connections idle for
    // 60 s, so a scheduled sync logs in afresh, like the raw side does.
    await closeRouterConnections()
    const p = await pluginPass(tenantId, targets, CONCURRENCY)
    check('plugin', p.sessions)
    plugin.push(p.seconds)
    if (sync === 1) memory.push({ label: 'after sync 1', sample: sampleMemory() })
  }
  memory.push({ label: `after sync ${SYNCS}`, sample: sampleMemory() })

  // Medians: one pass disturbed by another process does not decide the result.
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
  const rawSeconds = median(raw)
  const pluginSeconds = median(plugin)
  const ratio = EXPECTED / pluginSeconds / (EXPECTED / rawSeconds)
  printTable(
    `MikroTik full sync: ${ROUTERS} routers × ${HOTSPOT} hotspot + ${PPP} PPPoE sessions, ` +
      `concurrency ${CONCURRENCY}, median of ${SYNCS} passes each`,
    [
      ['path', 'routers', 'sessions total', 'wall time (s)', 'sessions/s', 'ratio'],
      ...[
        ['raw client (connect + 2 prints)', rawSeconds, 1],
        ['plugin sync-router job', pluginSeconds, ratio],
      ].map(([label, seconds, r]) => [
        label as string,
        String(ROUTERS),
        EXPECTED.toLocaleString('en-US'),
        (seconds as number).toFixed(3),
        Math.round(EXPECTED / (seconds as number)).toLocaleString('en-US'),
        (r as number).toFixed(2),
      ]),
    ]
  )
  console.log(`raw passes (s):    ${raw.map((s) => s.toFixed(3)).join('  ')}`)
  console.log(`plugin syncs (s):  ${plugin.map((s) => s.toFixed(3)).join('  ')}`)

  printTable('Process memory (after a full GC)', [
    ['point', 'RSS (MB)', 'heap used (MB)', 'external (MB)'],
    ...memory.map(({ label, sample }) => [
      label,
      sample.rssMb.toFixed(1),
      sample.heapUsedMb.toFixed(1),
      sample.externalMb.toFixed(1),
    ]),
  ])
  const first = memory[1].sample
  const last = memory[memory.length - 1].sample
  const rssGrowth = last.rssMb - first.rssMb
  const heapGrowth = last.heapUsedMb - first.heapUsedMb
  const externalGrowth = last.externalMb - first.externalMb
  // RSS also holds memory the allocator keeps after a free, so it gets more
  // slack than what JavaScript still references (heap, external buffers).
  const retainedFlat = heapGrowth + externalGrowth <= (first.heapUsedMb + first.externalMb) * 0.05
  const rssFlat = rssGrowth <= first.rssMb * 0.1
  const flat = retainedFlat && rssFlat
  const signed = (mb: number) => `${mb >= 0 ? '+' : ''}${mb.toFixed(1)} MB`
  console.log(
    `growth sync 1 → sync ${SYNCS}: RSS ${signed(rssGrowth)} (${rssFlat ? 'flat' : 'NOT flat'}), ` +
      `heap ${signed(heapGrowth)} + external ${signed(externalGrowth)} (${retainedFlat ? 'flat' : 'NOT flat'})`
  )
  console.log(
    `goal plugin ≥ 0.8 of raw: ${ratio >= 0.8 ? 'met' : 'NOT met'} (${(ratio * 100).toFixed(1)} %)`
  )
  console.log(
    `goal memory flat (heap + external ≤ +5 %, RSS ≤ +10 % from sync 1 to ${SYNCS}): ${flat ? 'met' : 'NOT met'}`
  )

  if (values.phases) {
    const { phasePass } = await import('./mikrotik/phases.js')
    await closeRouterConnections()
    const totals = await phasePass(tenantId, targets, CONCURRENCY)
    const sum = [...totals.values()].reduce((a, b) => a + b, 0)
    printTable(`Where one plugin sync's time goes (ms summed over ${ROUTERS} routers)`, [
      ['step', 'ms', 'share'],
      ...[...totals].map(([step, ms]) => [
        step,
        ms.toFixed(0),
        `${((ms / sum) * 100).toFixed(1)} %`,
      ]),
    ])
  }
} finally {
  await cleanup()
}
