import { test } from '@japa/runner'
import { createTenant } from '#tests/helpers/tenants'
import { addRouter, closedPort, routerOnSimulator } from '../helpers/routers.js'
import { auditOf, gatewayFor, rejectionOf } from '../helpers/gateway.js'

const ADDRESS_LIST = '/ip/firewall/address-list'

test.group('MikroTik | router.gateway isolation', () => {
  test('address-list isolation adds one isolir entry even when asked twice, and restore removes it', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const gateway = await gatewayFor(tenant.id)
    const [customer] = sim.rows('/ppp/active')
    const request = {
      tenantId: tenant.id,
      routerId: router.id,
      service: 'pppoe' as const,
      method: 'address_list' as const,
      address: customer.address,
      username: customer.name,
      comment: 'belum bayar INV-2026-0042',
    }

    const first = await gateway.isolate(request)
    const second = await gateway.isolate(request)
    assert.equal(first.addressList, 'added')
    assert.equal(second.addressList, 'already_listed')
    const listed = sim.rows(ADDRESS_LIST).filter((r) => r.address === customer.address)
    assert.lengthOf(listed, 1)
    assert.containsSubset(listed[0], { list: 'isolir', comment: 'belum bayar INV-2026-0042' })
    // Dropped once, so the customer reconnects into the redirect; the repeat leaves them alone.
    assert.equal(first.sessionsDropped, 1)
    assert.equal(second.sessionsDropped, 0)
    assert.notInclude(
      sim.rows('/ppp/active').map((r) => r.name),
      customer.name
    )

    const restored = await gateway.restore(request)
    assert.equal(restored.addressList, 'removed')
    assert.lengthOf(
      sim.rows(ADDRESS_LIST).filter((r) => r.address === customer.address),
      0
    )
    const audits = await auditOf(tenant.id, 'mikrotik.customer_isolated')
    assert.lengthOf(audits, 2)
    assert.containsSubset(audits[0].after, { address: customer.address, addressList: 'added' })
    assert.lengthOf(await auditOf(tenant.id, 'mikrotik.customer_restored'), 1)
  })

  test('profile isolation moves the PPP secret to the isolated profile and restore puts the old one back', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    sim.state.add('/ppp/profile', { 'name': 'isolir-expired', 'rate-limit': '128k/128k' })
    const gateway = await gatewayFor(tenant.id)
    const [session] = sim.rows('/ppp/active')
    const secret = sim.rows('/ppp/secret').find((r) => r.name === session.name)!
    const original = { profile: secret.profile, comment: secret.comment }
    const request = {
      tenantId: tenant.id,
      routerId: router.id,
      service: 'pppoe' as const,
      method: 'profile' as const,
      username: secret.name,
      isolatedProfile: 'isolir-expired',
      comment: 'belum bayar',
    }

    const isolated = await gateway.isolate(request)
    await gateway.isolate(request)
    assert.deepEqual(isolated.profile, { from: original.profile, to: 'isolir-expired' })
    assert.equal(secret.profile, 'isolir-expired')
    assert.include(secret.comment, `prev=${original.profile}`)
    assert.equal(isolated.sessionsDropped, 1)
    assert.notInclude(
      sim.rows('/ppp/active').map((r) => r.name),
      secret.name
    )

    // The customer reconnects under the isolated profile; restore drops that session too.
    sim.state.add('/ppp/active', { name: secret.name, address: '10.10.9.9' })
    const restored = await gateway.restore({ ...request, isolatedProfile: undefined })
    assert.deepEqual(restored.profile, { from: 'isolir-expired', to: original.profile })
    assert.equal(secret.profile, original.profile)
    assert.equal(secret.comment, original.comment)
    assert.equal(restored.sessionsDropped, 1)
    assert.lengthOf(
      sim.rows('/ppp/active').filter((r) => r.name === secret.name),
      0
    )
  })

  test('a hotspot user is isolated by profile and their hotspot session ends', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    sim.state.add('/ip/hotspot/user/profile', { name: 'expired' })
    const [session] = sim.rows('/ip/hotspot/active')
    const user = sim.rows('/ip/hotspot/user').find((r) => r.name === session.user)!
    const result = await (
      await gatewayFor(tenant.id)
    ).isolate({
      tenantId: tenant.id,
      routerId: router.id,
      service: 'hotspot',
      method: 'profile',
      username: user.name,
      isolatedProfile: 'expired',
      comment: 'masa aktif habis',
    })
    assert.equal(user.profile, 'expired')
    assert.equal(result.sessionsDropped, 1)
    assert.notInclude(
      sim.rows('/ip/hotspot/active').map((r) => r.user),
      user.name
    )
  })

  test('a missing isolated profile is refused before the account is touched', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const [secret] = sim.rows('/ppp/secret')
    const before = { ...secret }
    const error = await rejectionOf(
      (await gatewayFor(tenant.id)).isolate({
        tenantId: tenant.id,
        routerId: router.id,
        service: 'pppoe',
        method: 'profile',
        username: secret.name,
        isolatedProfile: 'no-such-profile',
        comment: 'belum bayar',
      })
    )
    assert.equal(error.code, 'ISOLATED_PROFILE_MISSING')
    assert.include(error.message, 'no-such-profile')
    assert.deepEqual(secret, before)
    assert.lengthOf(await auditOf(tenant.id, 'mikrotik.customer_isolated'), 0)
  })

  test('an unreachable router fails with ROUTER_UNREACHABLE and writes nothing', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, await closedPort())
    const error = await rejectionOf(
      (await gatewayFor(tenant.id)).isolate({
        tenantId: tenant.id,
        routerId: router.id,
        service: 'pppoe',
        method: 'address_list',
        address: '10.10.0.7',
        comment: 'belum bayar',
      })
    )
    assert.equal(error.code, 'ROUTER_UNREACHABLE')
    assert.equal(error.status, 502)
    assert.include(error.message, router.name)
    assert.lengthOf(await auditOf(tenant.id, 'mikrotik.customer_isolated'), 0)
  })

  test('bad input is refused with the field named, before the router is asked', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { sim, tenant, router } = await routerOnSimulator(client, cleanup)
    const commands = sim.commands().length
    const error = await rejectionOf(
      (await gatewayFor(tenant.id)).isolate({
        tenantId: tenant.id,
        routerId: router.id,
        service: 'pppoe',
        method: 'address_list',
        address: '10.0.0.1\n/system reboot',
        comment: 'x',
      })
    )
    assert.equal(error.status, 422)
    assert.equal(error.errors[0].field, 'address')
    assert.equal(sim.commands().length, commands)
  })

  test('the gateway is not offered to a tenant without the mikrotik plugin', async ({ assert }) => {
    const tenant = await createTenant({ plugins: [] })
    await assert.rejects(() => gatewayFor(tenant.id), /no router.gateway/)
  })
})
