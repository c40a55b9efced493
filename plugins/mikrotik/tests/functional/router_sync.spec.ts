import net from 'node:net'
import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import redis from '@adonisjs/redis/services/main'
import kernel from '#core/services/kernel'
import env from '#start/env'
import { createTenant } from '#tests/helpers/tenants'
import type { RouterOsSimulator } from '../../simulator/index.js'
import {
  addRouter,
  closedPort,
  runJob,
  startSimulator,
  syncLogs,
  withRouterTimeout,
} from '../helpers/routers.js'

let sim: RouterOsSimulator

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

/** A TCP server that is not a router: it answers anything with an HTTP error page. */
async function notARouter(cleanup: TestContext['cleanup']) {
  const server = net.createServer((socket) => {
    socket.on('error', () => {})
    socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n<html>nope</html>'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return (server.address() as net.AddressInfo).port
}

test.group('MikroTik | routers that misbehave during a sync', () => {
  test('slow, hanging-up and non-RouterOS routers are marked offline with a readable reason', async ({
    client,
    assert,
    cleanup,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const slowSim = await startSimulator({ identity: 'lambat', cleanup })
    const slow = await addRouter(client, tenant, slowSim.port)
    slowSim.setReplyDelay((entry) => (entry.command === '/ip/hotspot/active/print' ? 2000 : 0))
    const rudeSim = await startSimulator({ identity: 'putus', cleanup })
    const rude = await addRouter(client, tenant, rudeSim.port)
    rudeSim.setReplyDelay((entry) => {
      if (entry.command === '/ppp/active/print') setImmediate(() => rudeSim.dropConnections())
      return entry.command === '/ppp/active/print' ? 50 : 0
    })
    const stranger = await addRouter(client, tenant, await notARouter(cleanup))

    const round = await withRouterTimeout(400, async () => {
      const tickResult = await tick(tenant.id)
      const results: Record<string, any> = {}
      for (const { routerId, jobId } of tickResult.queued) results[routerId] = await runJob(jobId)
      return results
    })
    for (const router of [slow, rude, stranger]) assert.equal(round[router.id].outcome, 'failed')

    const reasons = Object.fromEntries(
      await Promise.all(
        [slow, rude, stranger].map(async (r) => {
          const shown = await client.get(`/api/v1/routers/${r.id}`).headers(tenant.headers)
          assert.equal(shown.body().status, 'offline')
          return [r.id, shown.body().lastError as string]
        })
      )
    )
    assert.match(reasons[slow.id], /^ROUTER_TIMEOUT: /)
    assert.match(reasons[rude.id], /^ROUTER_CLOSED: 127\.0\.0\.1:\d+ closed the connection/)
    // Whatever the stranger did, the reason names the address and what went wrong.
    assert.match(
      reasons[stranger.id],
      /^ROUTER_(PROTOCOL|CLOSED|UNREACHABLE): 127\.0\.0\.1:\d+ (sent|closed)/
    )

    // The same reasons are in each router's sync history, through the API.
    for (const router of [slow, rude, stranger]) {
      const logs = await client
        .get(`/api/v1/routers/${router.id}/sync-logs`)
        .headers(tenant.headers)
      logs.assertStatus(200)
      assert.containsSubset(logs.body().data[0], {
        outcome: 'failed',
        message: reasons[router.id],
        hotspot: null,
      })
    }
  })

  test('sync logs list newest first, filter by outcome, and stay within the tenant', async ({
    client,
    assert,
    cleanup,
  }) => {
    const own = await startSimulator({ cleanup })
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, own.port)
    for (let i = 0; i < 3; i++) {
      const job = await kernel
        .forPlugin('mikrotik')
        .dispatch('sync-router', { tenantId: tenant.id, routerId: router.id })
      await runJob(job.id!)
    }
    const logs = await client
      .get(`/api/v1/routers/${router.id}/sync-logs?perPage=2`)
      .headers(tenant.headers)
    logs.assertStatus(200)
    assert.deepEqual(logs.body().meta, { total: 3, page: 1, perPage: 2, lastPage: 2 })
    const [newest, older] = logs.body().data
    assert.isAtLeast(Date.parse(newest.startedAt), Date.parse(older.startedAt))
    assert.containsSubset(newest, {
      outcome: 'ok',
      hotspot: own.rows('/ip/hotspot/active').length,
      pppoe: own.rows('/ppp/active').length,
    })
    const failed = await client
      .get(`/api/v1/routers/${router.id}/sync-logs?outcome=failed`)
      .headers(tenant.headers)
    assert.equal(failed.body().meta.total, 0)
    const bad = await client
      .get(`/api/v1/routers/${router.id}/sync-logs?outcome=maybe`)
      .headers(tenant.headers)
    bad.assertStatus(422)

    const neighbour = await createTenant({ plugins: ['mikrotik'] })
    const peek = await client
      .get(`/api/v1/routers/${router.id}/sync-logs`)
      .headers(neighbour.headers)
    peek.assertStatus(404)
  })
})

test.group('MikroTik | sync job carrying the router row', () => {
  test('a router edited while its sync ran keeps the editor’s state; the stale outcome is dropped', async ({
    client,
    assert,
    cleanup,
  }) => {
    const own = await startSimulator({ cleanup })
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, own.port)
    // The round read the row (and queued the job) before the operator pointed it elsewhere.
    const round = await tick(tenant.id)
    const [{ jobId }] = round.queued
    const edited = await client
      .patch(`/api/v1/routers/${router.id}`)
      .headers(tenant.headers)
      .json({ port: await closedPort() })
    edited.assertStatus(200)

    const result = await runJob(jobId)
    assert.deepEqual(result, { routerId: router.id, outcome: 'skipped', message: 'ROUTER_CHANGED' })
    const shown = await client.get(`/api/v1/routers/${router.id}`).headers(tenant.headers)
    assert.equal(shown.body().status, 'unknown')
    assert.lengthOf(await syncLogs(router.id), 0)
  })
})
