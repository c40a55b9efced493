import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { createMember, createTenant } from '#tests/helpers/tenants'
import type { RouterOsSimulator } from '../../simulator/index.js'
import { addRouter, auditOf, closedPort, runJob, startSimulator } from '../helpers/routers.js'

let sim: RouterOsSimulator

test.group('MikroTik | disconnecting a customer', (group) => {
  group.setup(async () => {
    sim = await startSimulator()
    return () => sim.stop()
  })

  test('a hotspot session is removed from the router and audited', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const technician = await createMember(tenant, ['technician'])
    const router = await addRouter(client, tenant, sim.port)
    const [target] = sim.rows('/ip/hotspot/active')
    const before = sim.rows('/ip/hotspot/active').length

    const response = await client
      .post(`/api/v1/routers/${router.id}/sessions/${target['.id']}/disconnect?type=hotspot`)
      .headers(technician.headers)
    response.assertStatus(200)
    assert.containsSubset(response.body(), {
      disconnected: true,
      session: { id: target['.id'], user: target.user },
    })
    const left = sim.rows('/ip/hotspot/active')
    assert.lengthOf(left, before - 1)
    assert.notInclude(
      left.map((r) => r['.id']),
      target['.id']
    )

    const [entry] = await auditOf(tenant.id, 'mikrotik.session_disconnected')
    assert.equal(entry.actor, `user:${technician.id}`)
    assert.equal(entry.subject_id, router.id)
    assert.containsSubset(entry.after, {
      router: router.name,
      user: target.user,
      type: 'hotspot',
    })
  })

  test('a PPPoE session is removed, and the session list no longer shows it', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const [target] = sim.rows('/ppp/active')
    // Fills the cache: the disconnect must not leave a stale list behind.
    await client.get(`/api/v1/routers/${router.id}/sessions`).headers(tenant.headers)

    const response = await client
      .post(`/api/v1/routers/${router.id}/sessions/${target['.id']}/disconnect?type=pppoe`)
      .headers(tenant.headers)
    response.assertStatus(200)
    assert.notInclude(
      sim.rows('/ppp/active').map((r) => r.name),
      target.name
    )
    const list = await client.get(`/api/v1/routers/${router.id}/sessions`).headers(tenant.headers)
    assert.equal(list.body().source, 'live')
    assert.notInclude(
      list.body().data.map((s: any) => s.user),
      target.name
    )
  })

  test('an unknown session or a missing type is a clear client error', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const count = sim.rows('/ip/hotspot/active').length
    const unknown = await client
      .post(`/api/v1/routers/${router.id}/sessions/*FFFF/disconnect?type=hotspot`)
      .headers(tenant.headers)
    unknown.assertStatus(404)
    assert.equal(unknown.body().code, 'SESSION_NOT_FOUND')
    const noType = await client
      .post(`/api/v1/routers/${router.id}/sessions/*1/disconnect`)
      .headers(tenant.headers)
    noType.assertStatus(422)
    assert.equal(noType.body().errors[0].field, 'type')
    assert.lengthOf(sim.rows('/ip/hotspot/active'), count)
  })

  test('a role without router.write cannot disconnect anyone', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const [target] = sim.rows('/ip/hotspot/active')
    const hr = await createMember(tenant, ['hr'])
    const response = await client
      .post(`/api/v1/routers/${router.id}/sessions/${target['.id']}/disconnect?type=hotspot`)
      .headers(hr.headers)
    response.assertStatus(403)
    assert.include(
      sim.rows('/ip/hotspot/active').map((r) => r['.id']),
      target['.id']
    )
  })
})

test.group('MikroTik | disconnect while the router is unreachable', () => {
  test('the disconnect is queued (202) and a retry job is kept', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, await closedPort())
    const response = await client
      .post(`/api/v1/routers/${router.id}/sessions/*1A/disconnect?type=pppoe`)
      .headers(tenant.headers)
    response.assertStatus(202)
    assert.containsSubset(response.body(), { queued: true, code: 'ROUTER_UNREACHABLE' })
    assert.include(response.body().message, 'refused the connection')

    const job = await kernel.queue.queue('mikrotik.default').getJob(response.body().jobId)
    assert.exists(job, 'a disconnect-session job is queued')
    assert.equal(job!.name, 'disconnect-session')
    assert.containsSubset(job!.data, {
      tenantId: tenant.id,
      routerId: router.id,
      sessionId: '*1A',
      type: 'pppoe',
    })
    assert.isAbove(job!.opts.attempts!, 1)
    assert.equal((job!.opts.backoff as any).type, 'exponential')
    await job!.remove()

    const shown = await client.get(`/api/v1/routers/${router.id}`).headers(tenant.headers)
    assert.equal(shown.body().status, 'offline')
    assert.lengthOf(await auditOf(tenant.id, 'mikrotik.session_disconnect_queued'), 1)
  })

  test('once the router is back, the retry job disconnects the customer', async ({
    client,
    assert,
  }) => {
    const flaky = await startSimulator({ identity: 'edge-bekasi' })
    try {
      const tenant = await createTenant({ plugins: ['mikrotik'] })
      const router = await addRouter(client, tenant, flaky.port)
      const [target] = flaky.rows('/ip/hotspot/active')
      await client.get(`/api/v1/routers/${router.id}/sessions`).headers(tenant.headers)

      await flaky.stop()
      const queued = await client
        .post(`/api/v1/routers/${router.id}/sessions/${target['.id']}/disconnect?type=hotspot`)
        .headers(tenant.headers)
      queued.assertStatus(202)
      assert.include(
        flaky.rows('/ip/hotspot/active').map((r) => r['.id']),
        target['.id']
      )

      await flaky.start()
      const result = await runJob(queued.body().jobId)
      assert.deepEqual(result, { outcome: 'disconnected', user: target.user })
      assert.notInclude(
        flaky.rows('/ip/hotspot/active').map((r) => r['.id']),
        target['.id']
      )
      const [entry] = await auditOf(tenant.id, 'mikrotik.session_disconnected')
      assert.equal(entry.actor, `user:${tenant.owner.id}`)
      assert.containsSubset(entry.after, { user: target.user, queued: true })
    } finally {
      await flaky.stop()
    }
  })
})
