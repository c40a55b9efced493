import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { overrideLimit } from '#core/tenancy/plan_service'
import { createTenant } from '#tests/helpers/tenants'

const countPings = async (tenantId: string) =>
  Number(
    (await platformDb().from('fixture_base_pings').where('tenant_id', tenantId).count('* as n'))[0]
      .n
  )

test.group('Limits | checked in the request chain', () => {
  test('a create route stops at the effective limit with a clear message', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    await overrideLimit(tenant.id, 'max_fixture_ping', 2, { actor: 'super_admin:test' })
    for (const note of ['one', 'two']) {
      ;(
        await client.post('/api/v1/fixture-base/pings').headers(tenant.headers).json({ note })
      ).assertStatus(201)
    }
    const third = await client
      .post('/api/v1/fixture-base/pings')
      .headers(tenant.headers)
      .json({ note: 'three' })
    third.assertStatus(403)
    assert.equal(third.body().code, 'LIMIT_REACHED')
    assert.include(third.body().message, '2')
    assert.equal(await countPings(tenant.id), 2)
  })

  test('parallel creates racing for the last slot: exactly one wins', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    await overrideLimit(tenant.id, 'max_fixture_ping', 1, { actor: 'super_admin:test' })
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        client
          .post('/api/v1/fixture-base/pings')
          .headers(tenant.headers)
          .json({ note: `race-${i}` })
      )
    )
    const statuses = responses.map((r) => r.status()).sort()
    assert.deepEqual(statuses, [201, 403, 403, 403, 403, 403])
    assert.equal(await countPings(tenant.id), 1)
  })

  test('a limit the plan does not set leaves creates unlimited', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    for (let i = 0; i < 4; i++) {
      ;(
        await client
          .post('/api/v1/fixture-base/pings')
          .headers(tenant.headers)
          .json({ note: `n${i}` })
      ).assertStatus(201)
    }
    assert.equal(await countPings(tenant.id), 4)
  })
})
