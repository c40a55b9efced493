import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { overrideLimit } from '#core/tenancy/plan_service'
import { aPackage, tenantWithCustomerAndPackage, tenantWithCrm } from '../helpers/crm.js'

const subscriptionsOf = (tenantId: string) =>
  platformDb().from('subscriptions').where('tenant_id', tenantId)

test.group('Subscriptions', () => {
  test('an account is opened, never shows its password, and reveals it audited', async ({
    client,
    assert,
  }) => {
    const { api, customer, pkg, tenant } = await tenantWithCustomerAndPackage(client)
    const created = await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: pkg.id,
      username: 'budi-rt05',
      password: 'Rahasia-Budi-77',
      macAddress: 'aa-bb-cc-dd-ee-ff',
      startDate: '2026-11-30',
    })
    created.assertStatus(201)
    assert.deepInclude(created.body(), {
      username: 'budi-rt05',
      serviceType: 'pppoe',
      status: 'active',
      macAddress: 'AA:BB:CC:DD:EE:FF',
      startDate: '2026-11-30',
      billingDay: 28,
      customerName: 'Budi Santoso',
      packageName: 'Paket 10M',
      expiresAt: null,
    })
    const id = created.body().id
    for (const response of [
      created,
      await api.get(`/subscriptions/${id}`),
      await api.get('/subscriptions'),
      await api.get(`/customers/${customer.id}`),
    ]) {
      assert.notInclude(response.text(), 'Rahasia-Budi-77')
      assert.notInclude(response.text(), 'password')
    }

    const [row] = await subscriptionsOf(tenant.id)
    assert.notInclude(row.password_encrypted, 'Rahasia-Budi-77')
    assert.isAbove(row.password_encrypted.length, 20)

    const revealed = await api.post(`/subscriptions/${id}/reveal-password`)
    revealed.assertStatus(200)
    assert.deepEqual(revealed.body(), { id, username: 'budi-rt05', password: 'Rahasia-Budi-77' })
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'subscription.password_revealed', subject_id: id })
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].actor, `user:${tenant.owner.id}`)
    const everything = await platformDb().from('audit_logs').where('tenant_id', tenant.id)
    assert.notInclude(JSON.stringify(everything), 'Rahasia-Budi-77')
  })

  test('taken usernames and unknown customers or packages are refused by field', async ({
    client,
    assert,
  }) => {
    const { api, customer, pkg, tenant } = await tenantWithCustomerAndPackage(client)
    const open = (body: object) =>
      api.post('/subscriptions', { customerId: customer.id, packageId: pkg.id, ...body })
    ;(await open({ username: 'budi' })).assertStatus(201)
    const cases: [object, string][] = [
      [{ username: 'BUDI' }, 'username'],
      [{ username: 'budi 2' }, 'username'],
      [{ username: 'budi2', customerId: '00000000-0000-4000-8000-000000000000' }, 'customerId'],
      [{ username: 'budi2', packageId: '00000000-0000-4000-8000-000000000000' }, 'packageId'],
      [{ username: 'budi2', serviceType: 'hotspot_member' }, 'serviceType'],
      [{ username: 'budi2', staticIp: '10.0.0.300' }, 'staticIp'],
    ]
    for (const [body, field] of cases) {
      const response = await open(body)
      response.assertStatus(422)
      assert.deepEqual(
        response.body().errors.map((e: any) => e.field),
        [field],
        JSON.stringify(body)
      )
    }
    assert.lengthOf(await subscriptionsOf(tenant.id), 1)
  })

  test('a static IP account needs its own address', async ({ client, assert }) => {
    const { api, customer, tenant } = await tenantWithCustomerAndPackage(client)
    const pkg = (
      await api.post('/packages', aPackage({ name: 'Dedicated', service: 'static_ip' }))
    ).body()
    const open = (body: object) =>
      api.post('/subscriptions', { customerId: customer.id, packageId: pkg.id, ...body })
    const missing = await open({ username: 'kantor-1' })
    missing.assertStatus(422)
    assert.equal(missing.body().errors[0].field, 'staticIp')
    ;(await open({ username: 'kantor-1', staticIp: '10.20.0.15' })).assertStatus(201)
    const twice = await open({ username: 'kantor-2', staticIp: '10.20.0.15' })
    twice.assertStatus(422)
    assert.equal(twice.body().errors[0].field, 'staticIp')
    assert.lengthOf(await subscriptionsOf(tenant.id), 1)
  })

  test('a prepaid account expires after its period, in the tenant’s time zone', async ({
    client,
    assert,
  }) => {
    const { api, customer } = await tenantWithCustomerAndPackage(client)
    const weekly = (
      await api.post(
        '/packages',
        aPackage({ name: 'Mingguan', type: 'prepaid_period', periodDays: 7 })
      )
    ).body()
    const created = await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: weekly.id,
      username: 'budi-mingguan',
      startDate: '2026-12-01',
    })
    created.assertStatus(201)
    // Midnight of 8 December in Jakarta (UTC+7).
    assert.equal(new Date(created.body().expiresAt).toISOString(), '2026-12-07T17:00:00.000Z')
  })

  test('isolating records when and why; reactivating clears it', async ({ client, assert }) => {
    const { api, customer, pkg } = await tenantWithCustomerAndPackage(client)
    const sub = (
      await api.post('/subscriptions', {
        customerId: customer.id,
        packageId: pkg.id,
        username: 'budi',
      })
    ).body()
    const isolated = await api.patch(`/subscriptions/${sub.id}`, {
      status: 'isolated',
      isolationReason: 'Tagihan November belum dibayar',
    })
    isolated.assertStatus(200)
    assert.equal(isolated.body().isolationReason, 'Tagihan November belum dibayar')
    assert.isNotNull(isolated.body().isolatedAt)
    const active = await api.patch(`/subscriptions/${sub.id}`, { status: 'active' })
    assert.deepInclude(active.body(), { status: 'active', isolatedAt: null, isolationReason: null })
    ;(await api.patch(`/subscriptions/${sub.id}`, {})).assertStatus(422)
  })

  test('parallel creates racing for the last max_user slot: exactly one wins', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithCrm('basic')
    const { api, customer, pkg } = await tenantWithCustomerAndPackage(client, tenant)
    await overrideLimit(tenant.id, 'max_user', 1, { actor: 'super_admin:test' })
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.post('/subscriptions', {
          customerId: customer.id,
          packageId: pkg.id,
          username: `race-${i}`,
        })
      )
    )
    assert.deepEqual(responses.map((r) => r.status()).sort(), [201, 403, 403, 403, 403, 403])
    const refused = responses.find((r) => r.status() === 403)!
    assert.equal(refused.body().code, 'LIMIT_REACHED')
    assert.lengthOf(await subscriptionsOf(tenant.id), 1)

    // Deleting an account gives its place back.
    const [only] = await subscriptionsOf(tenant.id)
    ;(await api.delete(`/subscriptions/${only.id}`)).assertStatus(204)
    const again = await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: pkg.id,
      username: 'after-delete',
    })
    again.assertStatus(201)
  })
})
