import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { createTenant } from '#tests/helpers/tenants'
import { RouterOsSimulator } from '#plugins/mikrotik/simulator/index'
import { gatewayFor, rejectionOf } from '#plugins/mikrotik/tests/helpers/gateway'
import { aBatch, aVoucherPackage, voucherApi } from '../helpers/voucher_api.js'

const ROUTER_PASSWORD = 'Sandi-Router#2026'

/** Runs a queued job in this process, as the worker would, then drops it. */
async function work(jobId: string) {
  for (const name of kernel.queue.queueNames()) {
    const job = await kernel.queue.queue(name).getJob(jobId)
    if (!job) continue
    const result = await kernel.queue.process(name, job)
    await job.remove()
    return result as any
  }
  throw new Error(`job ${jobId} is not queued`)
}

test.group('Voucher | push names the hotspot server', (group) => {
  let sim: RouterOsSimulator
  group.each.setup(async () => {
    sim = new RouterOsSimulator({ password: ROUTER_PASSWORD, identity: 'hs-balai' })
    await sim.start()
    sim.state.add('/ip/hotspot/user/profile', { name: 'voucher-5k' })
    return () => sim.stop()
  })

  async function pushBatch(client: any, settings: Record<string, unknown>) {
    const tenant = await createTenant({ plugins: ['radius', 'voucher', 'mikrotik'] })
    const router = await client.post('/api/v1/routers').headers(tenant.headers).json({
      name: 'hs-balai',
      host: '127.0.0.1',
      port: sim.port,
      apiUser: 'admin',
      apiPassword: ROUTER_PASSWORD,
    })
    router.assertStatus(201)
    const saved = await client
      .put('/api/v1/voucher-settings')
      .headers(tenant.headers)
      .json({ delivery: 'push', defaultRouterId: router.body().id, ...settings })
    saved.assertStatus(200)
    const api = voucherApi(client, tenant.headers)
    const pkg = (await api.post('/voucher-packages', aVoucherPackage())).body()
    const created = await api.post('/voucher-batches', aBatch(pkg.id, { count: 3 }))
    created.assertStatus(201)
    const result = await work(created.body().pushJobId)
    return { tenant, routerId: router.body().id as string, result }
  }

  const pushed = () => sim.rows('/ip/hotspot/user').filter((row) => row.name.startsWith('WF'))

  test('the hotspot server from the settings goes with every pushed user', async ({
    client,
    assert,
  }) => {
    const { result } = await pushBatch(client, { hotspotServer: 'hs-lantai2' })
    assert.deepInclude(result, { created: 3, skipped: 0 })
    assert.lengthOf(pushed(), 3)
    assert.deepEqual([...new Set(pushed().map((row) => row.server))], ['hs-lantai2'])
  })

  test('without a hotspot server the users may log in on every server, as RouterOS does', async ({
    client,
    assert,
  }) => {
    const { result } = await pushBatch(client, {})
    assert.deepInclude(result, { created: 3 })
    assert.deepEqual([...new Set(pushed().map((row) => row.server))], ['all'])
  })

  test('the gateway refuses a server name the router could not store, adding nobody', async ({
    client,
    assert,
  }) => {
    const { tenant, routerId } = await pushBatch(client, {})
    const before = sim.rows('/ip/hotspot/user').length
    const error = await rejectionOf(
      (await gatewayFor(tenant.id)).pushHotspotUsers({
        tenantId: tenant.id,
        routerId,
        users: [
          { name: 'vc-s1', password: 'pw-1', profile: 'voucher-5k', server: 'hs\nx', comment: '' },
        ],
      })
    )
    assert.equal(error.code, 'VALIDATION_FAILED')
    assert.equal(error.errors?.[0]?.field, 'users.0.server')
    assert.lengthOf(sim.rows('/ip/hotspot/user'), before)
  })
})
