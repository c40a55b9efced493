import { test } from '@japa/runner'
import { routerOnSimulator } from '../helpers/routers.js'
import { auditOf, gatewayFor, rejectionOf } from '../helpers/gateway.js'

test.group('MikroTik | router.gateway hotspot users', () => {
  test('pushing the same 3 users twice leaves exactly 3 on the router', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    sim.state.add('/ip/hotspot/user/profile', { 'name': 'voucher-1d', 'rate-limit': '2M/2M' })
    const gateway = await gatewayFor(tenant.id)
    const users = ['vc-a1', 'vc-a2', 'vc-a3'].map((name) => ({
      name,
      password: `${name}-pw`,
      profile: 'voucher-1d',
      limitUptime: '1d',
      comment: 'batch 2026-11-24',
    }))
    const before = sim.rows('/ip/hotspot/user').length

    const first = await gateway.pushHotspotUsers({
      tenantId: tenant.id,
      routerId: router.id,
      users,
    })
    const second = await gateway.pushHotspotUsers({
      tenantId: tenant.id,
      routerId: router.id,
      users,
    })
    assert.deepEqual(first.created, ['vc-a1', 'vc-a2', 'vc-a3'])
    assert.deepEqual(second.skipped, ['vc-a1', 'vc-a2', 'vc-a3'])
    const pushed = sim.rows('/ip/hotspot/user').filter((r) => r.name.startsWith('vc-a'))
    assert.lengthOf(pushed, 3)
    assert.lengthOf(sim.rows('/ip/hotspot/user'), before + 3)
    assert.containsSubset(pushed[0], {
      'password': 'vc-a1-pw',
      'profile': 'voucher-1d',
      'limit-uptime': '1d',
    })
    const [entry] = await auditOf(tenant.id, 'mikrotik.hotspot_users_pushed')
    assert.notInclude(JSON.stringify(entry.after), 'vc-a1-pw')
  })

  test('a profile the router lacks is refused and no user is added', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const before = sim.rows('/ip/hotspot/user').length
    const error = await rejectionOf(
      (await gatewayFor(tenant.id)).pushHotspotUsers({
        tenantId: tenant.id,
        routerId: router.id,
        users: [{ name: 'vc-z1', password: 'x1', profile: 'paket-hilang', comment: '' }],
      })
    )
    assert.equal(error.code, 'HOTSPOT_PROFILE_MISSING')
    assert.lengthOf(sim.rows('/ip/hotspot/user'), before)
  })
})
