import type { Job } from 'bullmq'
import kernel from '#core/services/kernel'
import { connect } from '../../plugins/mikrotik/routeros/index.js'
import { SESSION_MENUS } from '../../plugins/mikrotik/services/router_sessions.js'
import type { SyncJobData, SyncTarget } from '../../plugins/mikrotik/services/router_sync.js'

export interface PassResult {
  seconds: number
  sessions: number
}

/** Runs `work` over `items` with at most `limit` in flight, like a worker with that concurrency. */
async function eachLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

/**
 * The baseline: the plugin's own RouterOS client, used bare. Connect, log
 * in, print both session menus over the one connection (as the plugin does),
 * count the rows. Closing is left out of the clock: the plugin's pool closes
 * its connections outside the sync as well.
 */
export async function rawPass(
  ports: number[],
  password: string,
  concurrency: number
): Promise<PassResult> {
  let sessions = 0
  const closing: Promise<void>[] = []
  const started = performance.now()
  await eachLimit(ports, concurrency, async (port) => {
    const client = await connect({ host: '127.0.0.1', port, user: 'admin', password })
    const [hotspot, ppp] = await Promise.all([
      client.print(SESSION_MENUS.hotspot),
      client.print(SESSION_MENUS.pppoe),
    ])
    sessions += hotspot.length + ppp.length
    closing.push(client.close())
  })
  const seconds = (performance.now() - started) / 1000
  await Promise.all(closing)
  return { seconds, sessions }
}

/**
 * The plugin: each router through the queue manager's `process`, which is
 * what a BullMQ worker calls for a `sync-router` job (enablement check, the
 * job handler, router_sync with its status and session read, sync log and
 * Redis cache). Only the BullMQ round trip of fetching the job is left out;
 * it does not depend on the plugin. The job object carries what `process`
 * reads from a BullMQ job, with the data the tenant's sync round queues
 * (the router row it already read).
 */
export async function pluginPass(
  tenantId: string,
  routers: SyncTarget[],
  concurrency: number
): Promise<PassResult> {
  let sessions = 0
  const failures: string[] = []
  const started = performance.now()
  await eachLimit(routers, concurrency, async (router) => {
    const routerId = router.id
    const data: SyncJobData = { tenantId, routerId, router }
    const job = {
      id: `bench.${routerId}`,
      name: 'sync-router',
      data,
      attemptsMade: 0,
      updateProgress: async () => {},
    } as unknown as Job
    const result = (await kernel.queue.process('mikrotik.default', job)) as {
      outcome?: string
      message?: string
      counts?: { hotspot: number; pppoe: number }
      skipped?: string
    }
    if (result.outcome !== 'ok' || !result.counts) {
      failures.push(`${routerId}: ${result.outcome ?? result.skipped} ${result.message ?? ''}`)
      return
    }
    sessions += result.counts.hotspot + result.counts.pppoe
  })
  const seconds = (performance.now() - started) / 1000
  // A fast sync that did not sync would be a meaningless figure.
  if (failures.length) {
    throw new Error(`${failures.length} router syncs did not succeed, e.g. ${failures[0]}`)
  }
  return { seconds, sessions }
}
