import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { overrideLimit } from '#core/tenancy/plan_service'
import { createMember, createTenant } from '#tests/helpers/tenants'

/**
 * One request that fails every check at once answers with the first check of
 * the chain: auth → tenant → tenant status → plugin → limit → permission.
 * Lifting the failures one by one walks down the chain.
 */
test.group('Request chain | order of the checks', () => {
  test('each check answers only once the ones before it pass', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-other'], status: 'deactivated' })
    const hr = await createMember(tenant, ['hr'])
    await overrideLimit(tenant.id, 'max_fixture_ping', 0, { actor: 'super_admin:test' })
    const post = () =>
      client.post('/api/v1/fixture-base/pings').headers(hr.headers).json({ note: 'x' })
    const codes: string[] = []

    codes.push((await client.post('/api/v1/fixture-base/pings').json({ note: 'x' })).body().code)
    codes.push((await post()).body().code)

    await platformDb().from('tenants').where('id', tenant.id).update({ status: 'active' })
    await kernel.tenants.forget({ id: tenant.id, slug: tenant.slug })
    codes.push((await post()).body().code)

    await kernel.enablement.enable(tenant.id, 'fixture-base', { actor: 'system:test' })
    codes.push((await post()).body().code)

    await overrideLimit(tenant.id, 'max_fixture_ping', null, { actor: 'super_admin:test' })
    codes.push((await post()).body().code)

    assert.deepEqual(codes, [
      'UNAUTHENTICATED',
      'TENANT_DEACTIVATED',
      'PLUGIN_DISABLED',
      'LIMIT_REACHED',
      'PERMISSION_DENIED',
    ])
  })
})
