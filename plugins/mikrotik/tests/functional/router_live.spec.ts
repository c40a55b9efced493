import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember, createTenant } from '#tests/helpers/tenants'
import type { RouterOsSimulator } from '../../simulator/index.js'
import { addRouter, closedPort, startSimulator, withRouterTimeout } from '../helpers/routers.js'

let sim: RouterOsSimulator

test.group('MikroTik | test connection', (group) => {
  group.setup(async () => {
    sim = await startSimulator()
    return () => sim.stop()
  })

  test('an answering router shows online with its version and board', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const response = await client
      .post(`/api/v1/routers/${router.id}/test-connection`)
      .headers(tenant.headers)
    response.assertStatus(200)
    assert.containsSubset(response.body(), {
      ok: true,
      status: 'online',
      router: {
        status: 'online',
        identity: 'core-jakarta',
        routerosVersion: '7.18.2 (stable)',
        boardName: 'CCR2004-16G-2S+',
        lastError: null,
      },
    })
    assert.notExists(response.body().error)
    const saved = await client.get(`/api/v1/routers/${router.id}`).headers(tenant.headers)
    assert.isString(saved.body().lastSeenAt)
    assert.isAbove(saved.body().totalMemory, 0)
    assert.isString(saved.body().uptime)
  })

  test('a wrong password shows offline with the router’s reason', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port, { apiPassword: 'salah-sandi' })
    const response = await client
      .post(`/api/v1/routers/${router.id}/test-connection`)
      .headers(tenant.headers)
    response.assertStatus(200)
    assert.containsSubset(response.body(), {
      ok: false,
      status: 'offline',
      error: { code: 'ROUTER_AUTH_FAILED' },
    })
    assert.match(
      response.body().router.lastError,
      /^ROUTER_AUTH_FAILED: .*invalid user name or password/
    )
    assert.notInclude(response.text(), 'salah-sandi')
  })

  test('a router refusing every login shows offline; fixing it shows online again', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    sim.refuseLogin()
    try {
      const refused = await client
        .post(`/api/v1/routers/${router.id}/test-connection`)
        .headers(tenant.headers)
      assert.equal(refused.body().status, 'offline')
      assert.equal(refused.body().error.code, 'ROUTER_AUTH_FAILED')
    } finally {
      sim.refuseLogin(false)
    }
    const again = await client
      .post(`/api/v1/routers/${router.id}/test-connection`)
      .headers(tenant.headers)
    assert.equal(again.body().status, 'online')
    assert.isNull(again.body().router.lastError)
  })

  test('a closed port shows offline as unreachable, naming the address', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const port = await closedPort()
    const router = await addRouter(client, tenant, port)
    const response = await client
      .post(`/api/v1/routers/${router.id}/test-connection`)
      .headers(tenant.headers)
    response.assertStatus(200)
    assert.equal(response.body().error.code, 'ROUTER_UNREACHABLE')
    assert.equal(
      response.body().router.lastError,
      `ROUTER_UNREACHABLE: 127.0.0.1:${port} refused the connection`
    )
    const row = await platformDb().from('mikrotik_routers').where('id', router.id).first()
    assert.equal(row.status, 'offline')
  })
})

test.group('MikroTik | live lists', (group) => {
  group.setup(async () => {
    sim = await startSimulator()
    return () => sim.stop()
  })

  test('sessions list the seeded hotspot and PPPoE customers, normalised', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const technician = await createMember(tenant, ['technician'])
    const response = await client
      .get(`/api/v1/routers/${router.id}/sessions`)
      .headers(technician.headers)
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.source, 'live')
    const hotspot = sim.rows('/ip/hotspot/active')
    const ppp = sim.rows('/ppp/active')
    assert.deepEqual(
      body.data.filter((s: any) => s.type === 'hotspot').map((s: any) => s.user),
      hotspot.map((r) => r.user)
    )
    assert.deepEqual(
      body.data.filter((s: any) => s.type === 'pppoe').map((s: any) => s.user),
      ppp.map((r) => r.name)
    )
    assert.deepEqual(body.data[0], {
      id: hotspot[0]['.id'],
      type: 'hotspot',
      user: hotspot[0].user,
      address: hotspot[0].address,
      macAddress: hotspot[0]['mac-address'],
      uptime: hotspot[0].uptime,
      bytesIn: Number(hotspot[0]['bytes-in']),
      bytesOut: Number(hotspot[0]['bytes-out']),
    })
    const pppoe = body.data.find((s: any) => s.type === 'pppoe')
    assert.equal(pppoe.macAddress, ppp[0]['caller-id'])
  })

  test('users list hotspot users and PPP secrets without passwords', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const response = await client.get(`/api/v1/routers/${router.id}/users`).headers(tenant.headers)
    response.assertStatus(200)
    const names = response.body().data.map((u: any) => `${u.type}:${u.name}`)
    assert.deepEqual(names, [
      ...sim.rows('/ip/hotspot/user').map((r) => `hotspot:${r.name}`),
      ...sim.rows('/ppp/secret').map((r) => `pppoe:${r.name}`),
    ])
    for (const row of [...sim.rows('/ip/hotspot/user'), ...sim.rows('/ppp/secret')]) {
      assert.notInclude(response.text(), `"${row.password}"`)
    }
    assert.notInclude(response.text(), 'password')
  })

  test('DHCP leases show address, MAC and host name', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    const response = await client
      .get(`/api/v1/routers/${router.id}/dhcp-leases`)
      .headers(tenant.headers)
    response.assertStatus(200)
    const leases = sim.rows('/ip/dhcp-server/lease')
    assert.lengthOf(response.body().data, leases.length)
    assert.containsSubset(response.body().data[0], {
      address: leases[0].address,
      macAddress: leases[0]['mac-address'],
      hostName: leases[0]['host-name'],
      dynamic: true,
    })
  })

  test('a router that is down or refuses the login gives a clear 502, never a 500', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const down = await addRouter(client, tenant, await closedPort())
    for (const path of ['sessions', 'users', 'dhcp-leases']) {
      const response = await client
        .get(`/api/v1/routers/${down.id}/${path}`)
        .headers(tenant.headers)
      response.assertStatus(502)
      assert.equal(response.body().code, 'ROUTER_UNREACHABLE')
      assert.include(response.body().message, 'refused the connection')
      assert.include(response.body().message, '/ip service')
    }
    const wrong = await addRouter(client, tenant, sim.port, { apiPassword: 'keliru' })
    const refused = await client.get(`/api/v1/routers/${wrong.id}/users`).headers(tenant.headers)
    refused.assertStatus(502)
    assert.equal(refused.body().code, 'ROUTER_AUTH_FAILED')
    assert.include(refused.body().message, 'Check the API user and password')
  })

  test('a router that answers too slowly gives 504 ROUTER_TIMEOUT', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, sim.port)
    sim.setReplyDelay((entry) => (entry.command === '/ip/dhcp-server/lease/print' ? 1500 : 0))
    try {
      const response = await withRouterTimeout(300, () =>
        client.get(`/api/v1/routers/${router.id}/dhcp-leases`).headers(tenant.headers)
      )
      response.assertStatus(504)
      assert.equal(response.body().code, 'ROUTER_TIMEOUT')
    } finally {
      sim.setReplyDelay(0)
    }
  })
})
