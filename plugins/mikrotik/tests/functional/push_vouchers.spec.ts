import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { createTenant } from '#tests/helpers/tenants'
import { addRouter, auditOf, routerOnSimulator, runInWorker } from '../helpers/routers.js'
import { gatewayFor } from '../helpers/gateway.js'

const vouchers = (count: number, profile = 'voucher-3h') =>
  Array.from({ length: count }, (_, i) => ({
    name: `vc-${String(i + 1).padStart(4, '0')}`,
    password: String(40_000 + i),
    profile,
    limitUptime: '3h',
  }))

const removeJob = async (jobId: string) =>
  (await kernel.queue.queue('mikrotik.default').getJob(jobId))?.remove()

test.group('MikroTik | voucher push and its progress', () => {
  test('a push is queued (202), its progress readable by API and gateway until it completes', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    sim.state.add('/ip/hotspot/user/profile', { name: 'voucher-3h' })
    const batchId = `nov24-${Date.now()}`
    const queued = await client
      .post(`/api/v1/routers/${router.id}/push-vouchers`)
      .headers(tenant.headers)
      .json({ batchId, users: vouchers(120), chunkSize: 50 })
    queued.assertStatus(202)
    cleanup(() => removeJob(queued.body().jobId))
    assert.equal(queued.body().batchId, batchId)
    assert.containsSubset(queued.body().progress, {
      batchId,
      routerId: router.id,
      state: 'queued',
      total: 120,
      done: 0,
      percent: 0,
    })
    assert.notInclude(JSON.stringify(queued.body()), '40000')

    const progressUrl = `/api/v1/routers/${router.id}/push-vouchers/${batchId}`
    assert.equal(await runInWorker(queued.body().jobId), 'completed')
    const done = await client.get(progressUrl).headers(tenant.headers)
    done.assertStatus(200)
    assert.containsSubset(done.body(), {
      state: 'completed',
      total: 120,
      done: 120,
      created: 120,
      skipped: 0,
      percent: 100,
      error: null,
    })
    assert.isString(done.body().finishedAt)
    assert.lengthOf(
      sim.rows('/ip/hotspot/user').filter((r) => r.name.startsWith('vc-')),
      120
    )

    // The voucher plugin reads the same progress through the gateway.
    const gateway = await gatewayFor(tenant.id)
    const viaGateway = await gateway.hotspotPushProgress!({ tenantId: tenant.id, batchId })
    assert.containsSubset(viaGateway, { state: 'completed', created: 120 })
    const [entry] = await auditOf(tenant.id, 'mikrotik.hotspot_push_queued')
    assert.containsSubset(entry.after, { batchId, users: 120 })
  })

  test('a push whose profile the router lacks shows failed with the reason', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { tenant, router } = await routerOnSimulator(client, cleanup)
    const queued = await client
      .post(`/api/v1/routers/${router.id}/push-vouchers`)
      .headers(tenant.headers)
      .json({ users: vouchers(2, 'paket-hilang') })
    queued.assertStatus(202)
    cleanup(() => removeJob(queued.body().jobId))
    assert.match(queued.body().batchId, /^push-\d{8}-\d{4}-[0-9a-f]{6}$/)
    assert.equal(await runInWorker(queued.body().jobId), 'failed')
    const progress = await client
      .get(`/api/v1/routers/${router.id}/push-vouchers/${queued.body().batchId}`)
      .headers(tenant.headers)
    assert.equal(progress.body().state, 'failed')
    assert.include(progress.body().error, 'HOTSPOT_PROFILE_MISSING')
    assert.include(progress.body().error, 'paket-hilang')
  })

  test('bad users are refused on their field; another tenant sees no such push', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { tenant, router } = await routerOnSimulator(client, cleanup)
    const invalid = await client
      .post(`/api/v1/routers/${router.id}/push-vouchers`)
      .headers(tenant.headers)
      .json({
        batchId: 'a b',
        users: [{ name: '', password: 'x', profile: 'default', limitUptime: 'lama' }],
      })
    invalid.assertStatus(422)
    assert.sameMembers(
      invalid.body().errors.map((e: any) => e.field),
      ['batchId', 'users.0.name', 'users.0.limitUptime']
    )
    const empty = await client
      .post(`/api/v1/routers/${router.id}/push-vouchers`)
      .headers(tenant.headers)
      .json({ users: [] })
    empty.assertStatus(422)

    const queued = await client
      .post(`/api/v1/routers/${router.id}/push-vouchers`)
      .headers(tenant.headers)
      .json({ users: vouchers(1) })
    cleanup(() => removeJob(queued.body().jobId))
    const neighbour = await createTenant({ plugins: ['mikrotik'] })
    const theirRouter = await addRouter(client, neighbour, 8728)
    const peek = await client
      .get(`/api/v1/routers/${theirRouter.id}/push-vouchers/${queued.body().batchId}`)
      .headers(neighbour.headers)
    peek.assertStatus(404)
    assert.equal(peek.body().code, 'PUSH_NOT_FOUND')
    const gateway = await gatewayFor(neighbour.id)
    assert.isNull(
      await gateway.hotspotPushProgress!({ tenantId: neighbour.id, batchId: queued.body().batchId })
    )
  })
})
