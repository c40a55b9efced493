import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { signAccessToken } from '#core/auth/tokens/access_tokens'
import { createMember, createPlatformAdmin, createTenant } from '#tests/helpers/tenants'

test.group('Tenant | settings', () => {
  test('every member sees the account; only tenant.settings changes it', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Alpha Net' })
    const technician = await createMember(tenant, ['technician'])
    const show = await client.get('/api/v1/tenant').headers(technician.headers)
    show.assertStatus(200)
    assert.deepInclude(show.body(), {
      id: tenant.id,
      name: 'Alpha Net',
      timezone: 'Asia/Jakarta',
      locale: 'id',
      logoUrl: null,
    })
    const change = await client
      .patch('/api/v1/tenant')
      .headers(technician.headers)
      .json({ name: 'Taken Over' })
    change.assertStatus(403)
    assert.include(change.body().message, 'tenant.settings')
  })

  test('a change shows at once, everywhere, and is audited with before and after', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Alpha Net' })
    // Warm the cache that every request reads the tenant from.
    assert.equal((await kernel.tenants.byId(tenant.id))?.name, 'Alpha Net')
    const change = await client.patch('/api/v1/tenant').headers(tenant.headers).json({
      name: 'Alpha Fiber',
      timezone: 'Asia/Makassar',
      locale: 'en',
      logoUrl: 'https://cdn.alpha.test/logo.png',
    })
    change.assertStatus(200)
    const show = (await client.get('/api/v1/tenant').headers(tenant.headers)).body()
    assert.deepInclude(show, {
      name: 'Alpha Fiber',
      timezone: 'Asia/Makassar',
      locale: 'en',
      logoUrl: 'https://cdn.alpha.test/logo.png',
    })
    assert.deepInclude(await kernel.tenants.byId(tenant.id), {
      name: 'Alpha Fiber',
      timezone: 'Asia/Makassar',
    })
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'tenant.settings_updated' })
      .first()
    assert.equal(audit.actor, `user:${tenant.owner.id}`)
    assert.deepInclude(audit.before, { name: 'Alpha Net', timezone: 'Asia/Jakarta', locale: 'id' })
    assert.deepInclude(audit.after, { name: 'Alpha Fiber', timezone: 'Asia/Makassar' })
  })

  test('bad settings are refused by field and change nothing', async ({ client, assert }) => {
    const tenant = await createTenant({ name: 'Alpha Net' })
    const cases: [Record<string, unknown>, string][] = [
      [{ timezone: 'Asia/Bandung' }, 'timezone'],
      [{ locale: 'fr' }, 'locale'],
      [{ logoUrl: 'javascript:alert(1)' }, 'logoUrl'],
      [{ name: 'Beta', timezone: 'Mars/Olympus' }, 'timezone'],
      [{}, 'name'],
    ]
    for (const [body, field] of cases) {
      const response = await client.patch('/api/v1/tenant').headers(tenant.headers).json(body)
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field, JSON.stringify(body))
    }
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.equal(row.name, 'Alpha Net')
    assert.equal(row.timezone, 'Asia/Jakarta')
  })

  test('a super admin acting as the tenant is audited under their own name', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createPlatformAdmin()
    const { token } = await signAccessToken({
      userId: admin.id,
      tenantId: tenant.id,
      roleIds: [],
      features: [],
      impersonatorId: admin.id,
    })
    const change = await client
      .patch('/api/v1/tenant')
      .headers({ host: tenant.host, authorization: `Bearer ${token}` })
      .json({ locale: 'en' })
    change.assertStatus(200)
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'tenant.settings_updated' })
      .first()
    assert.equal(audit.actor, `super_admin:${admin.id}`)
    assert.deepEqual(audit.after, {
      locale: 'en',
      impersonating: { tenantId: tenant.id, userId: admin.id },
    })
  })
})

test.group('Tenant | audit log', () => {
  test('a technician cannot read the audit log', async ({ client, assert }) => {
    const tenant = await createTenant()
    const technician = await createMember(tenant, ['technician'])
    const response = await client.get('/api/v1/audit-logs').headers(technician.headers)
    response.assertStatus(403)
    assert.equal(response.body().code, 'PERMISSION_DENIED')
    assert.include(response.body().message, 'audit.read')
  })

  test('entries come newest first, a page at a time, and only the tenant’s own', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const other = await createTenant()
    for (const name of ['One Net', 'Two Net', 'Three Net']) {
      await client.patch('/api/v1/tenant').headers(tenant.headers).json({ name })
    }
    await client.patch('/api/v1/tenant').headers(other.headers).json({ name: 'Other Net' })
    const list = (query: Record<string, unknown>) =>
      client.get('/api/v1/audit-logs').headers(tenant.headers).qs(query)

    const first = await list({ action: 'tenant.settings_updated', perPage: 2 })
    first.assertStatus(200)
    assert.deepEqual(first.body().meta, { total: 3, page: 1, perPage: 2, lastPage: 2 })
    assert.deepEqual(
      first.body().data.map((e: any) => e.after.name),
      ['Three Net', 'Two Net']
    )
    const second = await list({ action: 'tenant.settings_updated', perPage: 2, page: 2 })
    assert.deepEqual(
      second.body().data.map((e: any) => e.after.name),
      ['One Net']
    )
    const all = (await list({ perPage: 100 })).body().data
    assert.notInclude(
      all.map((e: any) => e.after?.name),
      'Other Net'
    )
  })

  test('filters by actor and time range', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createMember(tenant, ['admin'])
    await client.patch('/api/v1/tenant').headers(tenant.headers).json({ name: 'By Owner' })
    await client.patch('/api/v1/tenant').headers(admin.headers).json({ name: 'By Admin' })
    const list = (query: Record<string, unknown>) =>
      client.get('/api/v1/audit-logs').headers(tenant.headers).qs(query)

    const byAdmin = (await list({ actor: `user:${admin.id}` })).body().data
    assert.deepEqual(
      byAdmin.map((e: any) => e.after.name),
      ['By Admin']
    )
    const nextYear = new Date().getFullYear() + 1
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
    const inRange = await list({ action: 'tenant.settings_updated', from: yesterday })
    assert.equal(inRange.body().meta.total, 2)
    const before = await list({ action: 'tenant.settings_updated', to: yesterday })
    assert.equal(before.body().meta.total, 0)
    const future = await list({ from: `${nextYear}-01-01` })
    future.assertStatus(200)
    assert.equal(future.body().meta.total, 0)
    const bad = await list({ from: 'last tuesday' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'from')
  })
})
