import { test } from '@japa/runner'
import { createMember, createTenant } from '#tests/helpers/tenants'
import { addRouter, auditOf, closedPort, routerOnSimulator } from '../helpers/routers.js'

const HOTSPOT = '/ip/hotspot/user'
const SECRETS = '/ppp/secret'

test.group('MikroTik | accounts on the router', () => {
  test('a hotspot user is added, moved to another profile, disabled and removed on the router', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    sim.state.add('/ip/hotspot/user/profile', { 'name': 'paket-1jam', 'rate-limit': '1M/2M' })
    sim.state.add('/ip/hotspot/user/profile', { 'name': 'paket-1hari', 'rate-limit': '2M/4M' })
    const technician = await createMember(tenant, ['technician'])
    const url = `/api/v1/routers/${router.id}/users`

    const created = await client.post(url).headers(technician.headers).json({
      type: 'hotspot',
      name: 'tamu-ruko-7',
      password: 'rahasia77',
      profile: 'paket-1jam',
      limitUptime: '1h',
      comment: 'tamu ruko',
    })
    created.assertStatus(201)
    assert.containsSubset(created.body(), {
      type: 'hotspot',
      name: 'tamu-ruko-7',
      profile: 'paket-1jam',
      limitUptime: '1h',
      disabled: false,
    })
    assert.notInclude(created.text(), 'rahasia77')
    const onRouter = () => sim.rows(HOTSPOT).find((r) => r.name === 'tamu-ruko-7')
    assert.containsSubset(onRouter(), { 'password': 'rahasia77', 'limit-uptime': '1h' })

    const moved = await client
      .patch(`${url}/${created.body().id}`)
      .headers(technician.headers)
      .json({ type: 'hotspot', profile: 'paket-1hari', disabled: true })
    moved.assertStatus(200)
    assert.containsSubset(moved.body(), { profile: 'paket-1hari', disabled: true })
    assert.containsSubset(onRouter(), { profile: 'paket-1hari', password: 'rahasia77' })

    const removed = await client
      .delete(`${url}/${created.body().id}?type=hotspot`)
      .headers(technician.headers)
    removed.assertStatus(204)
    assert.notExists(onRouter())

    const actions = [
      ...(await auditOf(tenant.id, 'mikrotik.account_created')),
      ...(await auditOf(tenant.id, 'mikrotik.account_updated')),
      ...(await auditOf(tenant.id, 'mikrotik.account_deleted')),
    ]
    assert.lengthOf(actions, 3)
    assert.equal(actions[0].actor, `user:${technician.id}`)
    assert.deepEqual(actions[1].after.changed, ['profile', 'disabled'])
    assert.notInclude(JSON.stringify(actions), 'rahasia77')
  })

  test('a PPP secret is added with its profile, and its password replaced', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const url = `/api/v1/routers/${router.id}/users`
    const created = await client.post(url).headers(tenant.headers).json({
      type: 'pppoe',
      name: 'pelanggan-rt05',
      password: 'awal-123',
      profile: 'default-encryption',
    })
    created.assertStatus(201)
    const secret = () => sim.rows(SECRETS).find((r) => r.name === 'pelanggan-rt05')!
    assert.containsSubset(secret(), { service: 'pppoe', profile: 'default-encryption' })
    const changed = await client
      .patch(`${url}/${created.body().id}`)
      .headers(tenant.headers)
      .json({ type: 'pppoe', password: 'baru-456' })
    changed.assertStatus(200)
    assert.equal(secret().password, 'baru-456')

    const profiles = await client
      .get(`/api/v1/routers/${router.id}/profiles`)
      .headers(tenant.headers)
    profiles.assertStatus(200)
    assert.includeMembers(
      profiles.body().pppoe.map((p: any) => p.name),
      ['default', 'default-encryption']
    )
  })

  test('a missing profile, a taken name or bad fields come back on their field; the router is untouched', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const url = `/api/v1/routers/${router.id}/users`
    const before = sim.rows(HOTSPOT).length
    const [existing] = sim.rows(HOTSPOT)

    const noProfile = await client
      .post(url)
      .headers(tenant.headers)
      .json({ type: 'hotspot', name: 'baru-1', password: 'x1', profile: 'tidak-ada' })
    noProfile.assertStatus(422)
    assert.equal(noProfile.body().errors[0].field, 'profile')
    assert.include(noProfile.body().errors[0].message, 'tidak-ada')

    const taken = await client
      .post(url)
      .headers(tenant.headers)
      .json({ type: 'hotspot', name: existing.name, password: 'x1', profile: 'default' })
    taken.assertStatus(422)
    assert.deepEqual(
      taken.body().errors.map((e: any) => [e.field, e.rule]),
      [['name', 'unique']]
    )

    const invalid = await client.post(url).headers(tenant.headers).json({
      type: 'radius',
      name: '',
      password: 'a\u0000b',
      profile: 'default',
      limitUptime: 'satu jam',
    })
    invalid.assertStatus(422)
    assert.sameMembers(
      invalid.body().errors.map((e: any) => e.field),
      ['type', 'name', 'password', 'limitUptime']
    )
    assert.lengthOf(sim.rows(HOTSPOT), before)

    const unknown = await client
      .patch(`${url}/*FFFF`)
      .headers(tenant.headers)
      .json({ type: 'hotspot', comment: 'x' })
    unknown.assertStatus(404)
    assert.equal(unknown.body().code, 'ACCOUNT_NOT_FOUND')
    const malformed = await client.delete(`${url}/not-an-id?type=pppoe`).headers(tenant.headers)
    malformed.assertStatus(404)
  })

  test('an unreachable router is a 502 with its reason; a role without router.write is refused', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const down = await addRouter(client, tenant, await closedPort())
    const response = await client
      .post(`/api/v1/routers/${down.id}/users`)
      .headers(tenant.headers)
      .json({ type: 'hotspot', name: 'x', password: 'y', profile: 'default' })
    response.assertStatus(502)
    assert.equal(response.body().code, 'ROUTER_UNREACHABLE')
    assert.lengthOf(await auditOf(tenant.id, 'mikrotik.account_created'), 0)

    const hr = await createMember(tenant, ['hr'])
    const refused = await client
      .post(`/api/v1/routers/${down.id}/users`)
      .headers(hr.headers)
      .json({ type: 'hotspot', name: 'x', password: 'y', profile: 'default' })
    refused.assertStatus(403)
  })
})
