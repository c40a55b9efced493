import { test } from '@japa/runner'
import redis from '@adonisjs/redis/services/main'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import env from '#start/env'
import { createTenant } from '#tests/helpers/tenants'
import type { RouterOsSimulator } from '../../simulator/index.js'
import { addRouter, closedPort, runJob, startSimulator } from '../helpers/routers.js'

let sim: RouterOsSimulator

const syncLogs = (routerId: string) =>
  platformDb()
    .from('mikrotik_sync_logs')
    .where('router_id', routerId)
    .orderBy('id')
    .select('outcome', 'message', 'counts', 'started_at', 'finished_at')

/** What the per-tenant schedule does at a tick, for one tenant. */
async function tick(tenantId: string) {
  const job = await kernel.forPlugin('mikrotik').dispatch('sync-tenant-routers', { tenantId })
  return runJob(job.id!)
}

test.group('MikroTik | sync job and session cache', (group) => {
  group.setup(async () => {
    sim = await startSimulator()
    return () => sim.stop()
  })

  test('the schedule syncs every router: status, cached sessions and a sync log', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const up = await addRouter(client, tenant, sim.port)
    const downPort = await closedPort()
    const down = await addRouter(client, tenant, downPort)

    const round = await tick(tenant.id)
    assert.equal(round.routers, 2)
    assert.sameMembers(
      round.queued.map((q: any) => q.routerId),
      [up.id, down.id]
    )
    for (const { jobId } of round.queued) await runJob(jobId)

    const [ok] = await syncLogs(up.id)
    assert.equal(ok.outcome, 'ok')
    assert.deepEqual(ok.counts, {
      hotspot: sim.rows('/ip/hotspot/active').length,
      pppoe: sim.rows('/ppp/active').length,
    })
    assert.isAtMost(ok.started_at.getTime(), ok.finished_at.getTime())
    const [failed] = await syncLogs(down.id)
    assert.equal(failed.outcome, 'failed')
    assert.equal(failed.message, `ROUTER_UNREACHABLE: 127.0.0.1:${downPort} refused the connection`)

    const upNow = (await client.get(`/api/v1/routers/${up.id}`).headers(tenant.headers)).body()
    assert.containsSubset(upNow, { status: 'online', identity: 'core-jakarta' })
    assert.isString(upNow.lastSyncedAt)
    const downNow = (await client.get(`/api/v1/routers/${down.id}`).headers(tenant.headers)).body()
    assert.equal(downNow.status, 'offline')

    // The cached list answers without asking the router.
    const printsBefore = sim.commands('/ip/hotspot/active/print').length
    const sessions = await client.get(`/api/v1/routers/${up.id}/sessions`).headers(tenant.headers)
    assert.equal(sessions.body().source, 'cache')
    assert.lengthOf(sessions.body().data, ok.counts.hotspot + ok.counts.pppoe)
    assert.equal(sim.commands('/ip/hotspot/active/print').length, printsBefore)

    const key = `${env.get('REDIS_PREFIX')}:mikrotik:sessions:${tenant.id}:${up.id}`
    const ttl = await redis.ttl(key)
    assert.isAbove(ttl, 0)
    assert.isAtMost(ttl, 60)
  })

  test('a router synced moments ago is not queued again at the next tick', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const first = await tick(tenant.id)
    for (const { jobId } of first.queued) await runJob(jobId)
    const second = await tick(tenant.id)
    assert.deepEqual(second.queued, [])
    assert.lengthOf(await syncLogs(router.id), 1)
  })

  test('without a cached list, sessions are read live; refresh=true skips the cache', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const first = await client.get(`/api/v1/routers/${router.id}/sessions`).headers(tenant.headers)
    assert.equal(first.body().source, 'live')
    const second = await client.get(`/api/v1/routers/${router.id}/sessions`).headers(tenant.headers)
    assert.equal(second.body().source, 'cache')
    const forced = await client
      .get(`/api/v1/routers/${router.id}/sessions?refresh=true`)
      .headers(tenant.headers)
    assert.equal(forced.body().source, 'live')
  })

  test('the sync runs on a 300 s schedule, once per tenant', async ({ assert }) => {
    await kernel.queue.syncSchedules()
    const schedulers = await kernel.queue.queue('core.scheduler').getJobSchedulers()
    const sync = schedulers.find((s) => s.key === 'mikrotik/sync-tenant-routers')
    assert.exists(sync, 'the sync schedule is installed')
    assert.equal(Number(sync!.every), 300_000)
  })

  test('a sync for a router deleted meanwhile is skipped without an error', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const job = await kernel
      .forPlugin('mikrotik')
      .dispatch('sync-router', { tenantId: tenant.id, routerId: router.id })
    await client.delete(`/api/v1/routers/${router.id}`).headers(tenant.headers)
    const result = await runJob(job.id!)
    assert.equal(result.outcome, 'skipped')
    assert.lengthOf(await syncLogs(router.id), 0)
  })
})
