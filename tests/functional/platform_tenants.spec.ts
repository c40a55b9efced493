import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createPlatformAdmin, createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'

const tenantUrl = (id: string) => `/api/v1/platform/tenants/${id}`
const sourcesOf = (detail: any) =>
  Object.fromEntries(detail.plugins.map((p: any) => [p.id, p.source]))

test.group('Platform tenants | list', () => {
  test('paginates, searches by name or slug and filters by status and plan', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const marker = `Kopi${randomBytes(3).toString('hex')}`
    const first = await createTenant({ name: `${marker} One`, plan: 'basic' })
    const second = await createTenant({
      name: `${marker} Two`,
      plan: 'pro',
      plugins: ['fixture-base'],
    })
    const third = await createTenant({
      name: `${marker} Three`,
      plan: 'pro',
      status: 'deactivated',
    })
    const list = (query: Record<string, unknown>) =>
      client.get('/api/v1/platform/tenants').headers(admin.headers).qs(query)

    const page1 = await list({ q: marker.toLowerCase(), perPage: 2 })
    page1.assertStatus(200)
    assert.deepEqual(page1.body().meta, { total: 3, page: 1, perPage: 2, lastPage: 2 })
    assert.deepEqual(
      page1.body().data.map((t: any) => t.id),
      [third.id, second.id],
      'newest first'
    )
    const page2 = await list({ q: marker, perPage: 2, page: 2 })
    assert.deepEqual(
      page2.body().data.map((t: any) => t.id),
      [first.id]
    )
    const row = page1.body().data[1]
    assert.include(row, { slug: second.slug, plan: 'pro', status: 'active', userCount: 1 })
    assert.deepEqual(row.enabledPlugins, ['fixture-base'])

    const bySlug = await list({ q: first.slug })
    assert.deepEqual(
      bySlug.body().data.map((t: any) => t.id),
      [first.id]
    )
    const active = await list({ q: marker, status: 'active', plan: 'pro' })
    assert.deepEqual(
      active.body().data.map((t: any) => t.id),
      [second.id]
    )
    const wildcard = await list({ q: '%' })
    assert.equal(wildcard.body().meta.total, 0, '% is searched as a character')
  })

  test('bad paging or filters get 422', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const response = await client
      .get('/api/v1/platform/tenants')
      .headers(admin.headers)
      .qs({ perPage: 101, page: 0, status: 'asleep' })
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: any) => e.field)
      .sort()
    assert.deepEqual(fields, ['page', 'perPage', 'status'])
  })
})

test.group('Platform tenants | features and plugins', () => {
  test('simple mode applies a group; advanced mode toggles one feature', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const url = tenantUrl(tenant.id)
    const group = await client.put(`${url}/features`).headers(admin.headers).json({ group: 'pro' })
    group.assertStatus(200)
    assert.equal(group.body().tenant.featureGroup, 'pro')
    assert.include(group.body().features, 'maps')

    const on = await client
      .patch(`${url}/features/api_access`)
      .headers(admin.headers)
      .json({ enabled: true })
    on.assertStatus(200)
    assert.include(on.body().features, 'api_access')
    assert.isNull(on.body().tenant.featureGroup, 'a custom set matches no group')

    const unknown = await client
      .put(`${url}/features`)
      .headers(admin.headers)
      .json({ group: 'gold' })
    unknown.assertStatus(422)
    assert.include(unknown.body().errors[0].message, 'Choose one of: basic, pro, business')

    const actions = await platformDb()
      .from('audit_logs')
      .where('tenant_id', tenant.id)
      .whereIn('action', ['features.group_applied', 'feature.enabled'])
      .orderBy('id')
      .select('action', 'subject_id', 'actor')
    assert.deepEqual(
      actions.map((a) => [a.action, a.subject_id, a.actor]),
      [
        ['features.group_applied', 'pro', `super_admin:${admin.id}`],
        ['feature.enabled', 'api_access', `super_admin:${admin.id}`],
      ]
    )
  })

  test('a feature that is a plugin enables it with what it requires; a needed one cannot be switched off', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const toggle = (feature: string, enabled: boolean) =>
      client
        .patch(`${tenantUrl(tenant.id)}/features/${feature}`)
        .headers(admin.headers)
        .json({ enabled })

    ;(await toggle('fixture-base', true)).assertStatus(200)
    const addon = await toggle('fixture-addon', true)
    assert.deepEqual(addon.body().changed, { enabled: ['fixture-addon'], disabled: [] })

    const refused = await toggle('fixture-base', false)
    refused.assertStatus(409)
    assert.equal(refused.body().code, 'PLUGIN_REQUIRED')
    assert.include(refused.body().message, '"fixture-addon" needs it')
    const detail = (await client.get(tenantUrl(tenant.id)).headers(admin.headers)).body()
    assert.includeMembers(detail.features, ['fixture-base', 'fixture-addon'], 'features unchanged')
    assert.deepEqual(sourcesOf(detail), { 'fixture-addon': 'admin', 'fixture-base': 'admin' })

    // The group drops both: dependents go first, so nothing is refused.
    const basic = await client
      .put(`${tenantUrl(tenant.id)}/features`)
      .headers(admin.headers)
      .json({ group: 'basic' })
    basic.assertStatus(200)
    assert.deepEqual(basic.body().changed.disabled, ['fixture-addon', 'fixture-base'])
    // What remains are the installed plugins the basic group itself names.
    const remaining = basic.body().tenant.plugins.map((p: { id: string }) => p.id)
    assert.notIncludeMembers(remaining, ['fixture-addon', 'fixture-base'])
  })

  test('a group that drops a plugin still needed is refused before anything changes', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const url = tenantUrl(tenant.id)
    await client
      .patch(`${url}/features/fixture-base`)
      .headers(admin.headers)
      .json({ enabled: true })
    await client.put(`${url}/plugins/fixture-addon`).headers(admin.headers).json({ enabled: true })

    const refused = await client
      .put(`${url}/features`)
      .headers(admin.headers)
      .json({ group: 'basic' })
    refused.assertStatus(409)
    assert.include(refused.body().message, '"fixture-addon" needs it')
    const detail = (await client.get(url).headers(admin.headers)).body()
    assert.deepEqual(detail.features, ['fixture-base'])
    assert.deepEqual(sourcesOf(detail), { 'fixture-addon': 'admin', 'fixture-base': 'admin' })
  })

  test('enabling a plugin cascades; disabling a needed one names its dependent', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const plugin = (id: string, enabled: boolean) =>
      client
        .put(`${tenantUrl(tenant.id)}/plugins/${id}`)
        .headers(admin.headers)
        .json({ enabled })

    const enabled = await plugin('fixture-addon', true)
    enabled.assertStatus(200)
    assert.deepEqual(enabled.body().changed.enabled, ['fixture-base', 'fixture-addon'])
    assert.deepEqual(sourcesOf(enabled.body().tenant), {
      'fixture-addon': 'admin',
      'fixture-base': 'dependency',
    })
    ;(await client.get('/api/v1/fixture-addon/greeting').headers(tenant.headers)).assertStatus(200)

    const refused = await plugin('fixture-base', false)
    refused.assertStatus(409)
    assert.equal(refused.body().code, 'PLUGIN_REQUIRED')
    assert.include(refused.body().message, '"fixture-addon" needs it')

    ;(await plugin('fixture-addon', false)).assertStatus(200)
    const denied = await client.get('/api/v1/fixture-addon/greeting').headers(tenant.headers)
    assert.equal(denied.body().code, 'PLUGIN_DISABLED')

    const missing = await plugin('no-such-plugin', true)
    missing.assertStatus(404)
    assert.equal(missing.body().code, 'PLUGIN_NOT_INSTALLED')

    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, actor: `super_admin:${admin.id}` })
      .whereLike('action', 'plugin.%')
      .orderBy('id')
      .select('action', 'subject_id')
    assert.deepEqual(
      audit.map((a) => `${a.action} ${a.subject_id}`),
      [
        'plugin.enabled fixture-base',
        'plugin.enabled fixture-addon',
        'plugin.disabled fixture-addon',
      ]
    )
  })

  test("a new tenant gets the installed plugins of its plan's group", async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await createPlatformAdmin()
    const code = `kit${randomBytes(3).toString('hex')}`
    await platformDb()
      .table('feature_groups')
      .insert({ code, name: 'Kit', features: ['fixture-addon', 'api_access'], sort: 90 })
    await platformDb()
      .table('plans')
      .insert({ code, name: 'Kit', price: 1, limits: '{}', feature_group: code, sort: 90 })
    const slug = `kit-${randomBytes(4).toString('hex')}`
    cleanup(async () => {
      await platformDb().from('tenants').where('slug', slug).delete()
      await platformDb().from('plans').where('code', code).delete()
      await platformDb().from('feature_groups').where('code', code).delete()
    })

    const created = await client
      .post('/api/v1/platform/tenants')
      .headers(admin.headers)
      .json({
        name: 'Kit Net',
        slug,
        plan: code,
        locale: 'en',
        timezone: 'Asia/Makassar',
        customDomain: `Panel.${slug}.example`,
        owner: { email: `owner@${slug}.test`, fullName: 'Kit', password: TEST_PASSWORD },
      })
    created.assertStatus(201)
    assert.include(created.body(), {
      locale: 'en',
      timezone: 'Asia/Makassar',
      customDomain: `panel.${slug}.example`,
    })
    assert.deepEqual(sourcesOf(created.body()), {
      'fixture-addon': 'plan',
      'fixture-base': 'dependency',
    })
  })
})

test.group('Platform tenants | addons and plans', () => {
  test('an addon raises the limit until it is cancelled', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'basic' })
    const other = await createTenant()
    const url = tenantUrl(tenant.id)
    const added = await client
      .post(`${url}/addons`)
      .headers(admin.headers)
      .json({ code: 'extra_router', quantity: 3 })
    added.assertStatus(201)
    assert.include(added.body(), { code: 'extra_router', quantity: 3, status: 'active' })
    const detail = (await client.get(url).headers(admin.headers)).body()
    assert.include(detail.limits.max_router, { plan: 2, addons: 3, effective: 5 })
    assert.deepEqual(
      detail.addons.map((a: any) => a.id),
      [added.body().id]
    )

    const elsewhere = await client
      .delete(`${tenantUrl(other.id)}/addons/${added.body().id}`)
      .headers(admin.headers)
    elsewhere.assertStatus(404)
    const cancelled = await client.delete(`${url}/addons/${added.body().id}`).headers(admin.headers)
    cancelled.assertStatus(200)
    assert.equal(cancelled.body().status, 'cancelled')
    const after = (await client.get(url).headers(admin.headers)).body()
    assert.equal(after.limits.max_router.effective, 2)

    const unknown = await client
      .post(`${url}/addons`)
      .headers(admin.headers)
      .json({ code: 'extra_rocket', quantity: 0 })
    unknown.assertStatus(422)
    assert.deepEqual(
      unknown.body().errors.map((e: any) => e.field),
      ['quantity']
    )
    const actions = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, actor: `super_admin:${admin.id}` })
      .whereLike('action', 'addon.%')
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      actions.map((a) => a.action),
      ['addon.added', 'addon.cancelled']
    )
  })

  test('plans are listed and edited; tenants on the plan follow', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'business' })
    const original = await platformDb().from('plans').where('code', 'business').first()
    // The catalog is shared by every test: put the plan back as it was.
    cleanup(async () => {
      await platformDb()
        .from('plans')
        .where('code', 'business')
        .update({ name: original.name, limits: JSON.stringify(original.limits) })
    })
    const plans = await client.get('/api/v1/platform/plans').headers(admin.headers)
    plans.assertStatus(200)
    assert.includeMembers(
      plans.body().data.map((p: any) => p.code),
      ['basic', 'pro', 'business', 'enterprise']
    )

    const edited = await client
      .patch('/api/v1/platform/plans/business')
      .headers(admin.headers)
      .json({ name: 'Business Plus', limits: { max_router: 12 } })
    edited.assertStatus(200)
    assert.include(edited.body(), { name: 'Business Plus', price: 950_000 })
    assert.include(edited.body().limits, { max_router: 12, max_user: 5000 })
    const detail = (await client.get(tenantUrl(tenant.id)).headers(admin.headers)).body()
    assert.equal(detail.limits.max_router.effective, 12)

    const empty = await client
      .patch('/api/v1/platform/plans/business')
      .headers(admin.headers)
      .json({})
    empty.assertStatus(422)
    const negative = await client
      .patch('/api/v1/platform/plans/business')
      .headers(admin.headers)
      .json({ price: -5 })
    assert.equal(negative.body().errors[0].field, 'price')
    const missing = await client
      .patch('/api/v1/platform/plans/gold')
      .headers(admin.headers)
      .json({ name: 'Gold' })
    missing.assertStatus(404)

    const [entry] = await platformDb()
      .from('audit_logs')
      .where({ action: 'plan.updated', actor: `super_admin:${admin.id}` })
    assert.equal(entry.before.name, 'Business')
    assert.equal(entry.after.name, 'Business Plus')
  })
})
