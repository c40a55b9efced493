import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { monthlyRecurringRevenue } from '#core/platform/platform_overview'
import { recordAudit } from '#core/audit/audit_log'
import { createPlatformAdmin, createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'

/** Panel headers: an Inertia visit, so refusals come back the panel way. */
const INERTIA = { 'x-inertia': 'true', 'x-inertia-version': '1' }

const auditOf = (tenantId: string | null, action: string) =>
  platformDb()
    .from('audit_logs')
    .where({ action })
    .where((q) => (tenantId ? q.where('tenant_id', tenantId) : q.whereNull('tenant_id')))
    .orderBy('id')
    .select('actor', 'subject_id', 'before', 'after')

const newTenant = (slug: string) => ({
  name: `Gamma Net ${slug}`,
  slug,
  plan: 'basic',
  owner: { email: `owner@${slug}.test`, fullName: 'Wayan Sudarma', password: TEST_PASSWORD },
})

test.group('Platform panel | access', () => {
  test('an anonymous visitor is sent to sign in; a tenant user gets 403', async ({
    client,
    assert,
  }) => {
    const anonymous = await client.get('/admin/tenants').redirects(0)
    anonymous.assertStatus(302)
    assert.equal(anonymous.header('location'), '/login')

    const tenant = await createTenant()
    const page = await client
      .get('/admin/tenants')
      .withSession({ user_id: tenant.owner.id })
      .headers(INERTIA)
    page.assertStatus(403)
    assert.equal(page.body().component, 'core/errors/forbidden')

    const slug = `x-${randomBytes(4).toString('hex')}`
    const post = await client
      .post('/admin/tenants')
      .withSession({ user_id: tenant.owner.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json(newTenant(slug))
    post.assertStatus(403)
    assert.isNull(await platformDb().from('tenants').where('slug', slug).first())
  })

  test('the sign-in lands a super admin on the platform dashboard, with its menu', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const home = await client.get('/platform').withSession({ user_id: admin.id }).redirects(0)
    assert.equal(home.header('location'), '/admin')
    // The tenant dashboard link of the shell leads a super admin to theirs, not to a refusal.
    const rootPage = await client.get('/').withSession({ user_id: admin.id }).redirects(0)
    assert.equal(rootPage.header('location'), '/admin')

    const dashboard = await client.get('/admin').withSession({ user_id: admin.id }).headers(INERTIA)
    dashboard.assertStatus(200)
    assert.equal(dashboard.body().component, 'core/admin/dashboard')
    assert.deepEqual(
      dashboard.body().props.navigation.map((n: any) => n.href),
      ['/admin', '/admin/tenants', '/admin/plans']
    )

    const tenant = await createTenant()
    const tenantHome = await client
      .get('/')
      .withSession({ user_id: tenant.owner.id })
      .headers(INERTIA)
    assert.notInclude(
      tenantHome.body().props.navigation.map((n: any) => n.href),
      '/admin/tenants'
    )
  })
})

test.group('Platform panel | CSRF', () => {
  test('a super admin form without the CSRF token is refused and changes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const response = await client
      .patch(`/admin/tenants/${tenant.id}/status`)
      .withSession({ user_id: admin.id })
      .json({ status: 'deactivated' })
      .redirects(0)
    assert.isAtLeast(response.status(), 400)
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.equal(row.status, 'active')
  })
})

test.group('Platform panel | dashboard', () => {
  test('MRR counts plans and billable addons of paying tenants', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const before = await monthlyRecurringRevenue()
    const pro = await createTenant({ plan: 'pro' })
    await createTenant({ plan: 'pro', status: 'deactivated' })
    await platformDb().table('tenant_addons').insert({
      tenant_id: pro.id,
      addon_code: 'extra_router',
      quantity: 2,
      status: 'active',
      billable: true,
      created_by: 'system:test',
    })
    await platformDb().table('tenant_addons').insert({
      tenant_id: pro.id,
      addon_code: 'extra_router',
      quantity: 5,
      status: 'active',
      billable: false,
      created_by: 'system:test',
    })
    const proPrice = (await platformDb().from('plans').where('code', 'pro').first()).price
    const routerPrice = (
      await platformDb().from('addon_catalog').where('code', 'extra_router').first()
    ).price

    const dashboard = await client.get('/admin').withSession({ user_id: admin.id }).headers(INERTIA)
    const { revenue, tenants, signUps } = dashboard.body().props.overview
    assert.equal(revenue.plans, before.plans + proPrice)
    assert.equal(revenue.addons, before.addons + 2 * routerPrice)
    assert.equal(revenue.total, revenue.plans + revenue.addons)
    assert.isAtLeast(tenants.byStatus.deactivated, 1)
    assert.include(
      signUps.map((s: any) => s.id),
      pro.id
    )
  })
})

test.group('Platform panel | dashboard activity', () => {
  test('the activity lists platform-level changes, not the tenants’ own', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'basic' })
    await recordAudit({
      tenantId: tenant.id,
      actor: `user:${tenant.owner.id}`,
      action: 'customer.updated',
    })
    await client
      .patch(`/admin/tenants/${tenant.id}/plan`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ plan: 'pro' })
    const dashboard = await client.get('/admin').withSession({ user_id: admin.id }).headers(INERTIA)
    const actions = dashboard.body().props.overview.audit.map((e: any) => e.action)
    assert.include(actions, 'tenant.plan_changed')
    assert.notInclude(actions, 'customer.updated')
    const entry = dashboard
      .body()
      .props.overview.audit.find((e: any) => e.action === 'tenant.plan_changed')
    assert.equal(entry.tenant.slug, tenant.slug)
  })
})

test.group('Platform panel | tenants', () => {
  test('an invalid new tenant comes back with field messages and nothing is created', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const slug = `Bad Slug ${randomBytes(2).toString('hex')}`
    const response = await client
      .post('/admin/tenants')
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .header('referer', '/admin/tenants')
      .json({
        ...newTenant(slug),
        owner: { email: 'not-an-email', fullName: 'X', password: 'short' },
      })
      .redirects(0)
    response.assertStatus(302)
    assert.equal(response.header('location'), '/admin/tenants')
    const errors = (response.flashMessages() as any).errorsBag
    assert.properties(errors, ['slug', 'owner.email', 'owner.password'])
    assert.isNull(await platformDb().from('tenants').where('slug', slug).first())
    // The typed password is never kept in the session.
    assert.notInclude(JSON.stringify(response.flashMessages()), 'short')
  })

  test('a taken slug is a field message too; a valid tenant opens its page', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const existing = await createTenant()
    const taken = await client
      .post('/admin/tenants')
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json(newTenant(existing.slug))
      .redirects(0)
    assert.match((taken.flashMessages() as any).errorsBag.slug, /already used/)

    const slug = `g-${randomBytes(4).toString('hex')}`
    const created = await client
      .post('/admin/tenants')
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json(newTenant(slug))
      .redirects(0)
    const row = await platformDb().from('tenants').where('slug', slug).first()
    assert.exists(row)
    assert.equal(created.header('location'), `/admin/tenants/${row.id}`)

    const page = await client
      .get(`/admin/tenants/${row.id}`)
      .withSession({ user_id: admin.id })
      .headers(INERTIA)
    page.assertStatus(200)
    assert.equal(page.body().props.tenantDetail.slug, slug)
    assert.equal(page.body().props.tenantDetail.limits.max_router.effective, 2)
    assert.include(
      page.body().props.audit.data.map((e: any) => e.action),
      'tenant.created'
    )

    const missing = await client
      .get('/admin/tenants/not-a-uuid')
      .withSession({ user_id: admin.id })
      .headers(INERTIA)
    missing.assertStatus(404)
  })

  test('a refused plugin disable names the plugins that need it', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plugins: ['fixture-base', 'fixture-addon'] })
    const response = await client
      .put(`/admin/tenants/${tenant.id}/plugins/fixture-base`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ enabled: false })
      .redirects(0)
    response.assertStatus(303)
    const flash = response.flashMessages() as any
    assert.equal(flash.refusal.code, 'PLUGIN_REQUIRED')
    assert.match(flash.refusal.params.dependents, /fixture/i)
    assert.match(flash.errorsBag.form, /fixture-addon/)
    const enabled = await platformDb()
      .from('tenant_plugins')
      .where({ tenant_id: tenant.id, plugin_id: 'fixture-base', enabled: true })
      .first()
    assert.exists(enabled)
  })

  test('a limit override set and cleared from the panel is audited', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'basic' })
    const set = await client
      .put(`/admin/tenants/${tenant.id}/limits/max_router`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ value: 9, billable: false })
      .redirects(0)
    set.assertStatus(303)
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.deepEqual(row.limits.max_router, { value: 9, billable: false })

    const bad = await client
      .put(`/admin/tenants/${tenant.id}/limits/max_router`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ value: -1 })
      .redirects(0)
    bad.assertStatus(303)
    assert.property((bad.flashMessages() as any).errorsBag, 'value')

    await client
      .put(`/admin/tenants/${tenant.id}/limits/max_router`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ value: null })
    const cleared = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.notProperty(cleared.limits, 'max_router')
    const entries = await auditOf(tenant.id, 'limit.overridden')
    assert.lengthOf(entries, 1)
    assert.lengthOf(await auditOf(tenant.id, 'limit.override_removed'), 1)
  })
})

test.group('Platform panel | impersonation', () => {
  test('the super admin acts inside the tenant until going back', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plugins: ['fixture-base'], name: 'Delta Net' })
    const start = await client
      .post(`/admin/tenants/${tenant.id}/impersonate`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .redirects(0)
    start.assertStatus(302)
    assert.equal(start.header('location'), '/')
    assert.equal(start.session('impersonating_tenant_id'), tenant.id)
    assert.lengthOf(await auditOf(tenant.id, 'tenant.impersonation_started'), 1)

    const session = { user_id: admin.id, impersonating_tenant_id: tenant.id }
    const home = await client.get('/').withSession(session).headers(INERTIA)
    home.assertStatus(200)
    assert.equal(home.body().props.tenant.id, tenant.id)
    const back = home.body().props.navigation.find((n: any) => n.href === '/admin/impersonation')
    assert.equal(back.label.en, 'Impersonating Delta Net · go back')

    // Platform pages first end the impersonation.
    const platformPage = await client.get('/admin/tenants').withSession(session).redirects(0)
    assert.equal(platformPage.header('location'), '/admin/impersonation')
    const page = await client.get('/admin/impersonation').withSession(session).headers(INERTIA)
    assert.equal(page.body().props.impersonation.tenantName, 'Delta Net')

    const stop = await client
      .post('/admin/impersonation/stop')
      .withSession(session)
      .withCsrfToken()
      .headers(INERTIA)
      .redirects(0)
    assert.equal(stop.header('location'), `/admin/tenants/${tenant.id}`)
    assert.isUndefined(stop.session('impersonating_tenant_id'))
    assert.lengthOf(await auditOf(tenant.id, 'tenant.impersonation_ended'), 1)
  })

  test('a deactivated tenant cannot be impersonated', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ status: 'deactivated' })
    const start = await client
      .post(`/admin/tenants/${tenant.id}/impersonate`)
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .redirects(0)
    assert.equal((start.flashMessages() as any).refusal.code, 'TENANT_DEACTIVATED')
    assert.isUndefined(start.session('impersonating_tenant_id'))
  })
})

test.group('Platform panel | plans and feature groups', () => {
  test('the plans editor saves price and limits; bad values come back per field', async ({
    client,
    assert,
    cleanup,
  }) => {
    const admin = await createPlatformAdmin()
    const original = await platformDb().from('plans').where('code', 'basic').first()
    // The catalog is shared by every test: put the plan back as it was, pass or fail.
    cleanup(async () => {
      await platformDb()
        .from('plans')
        .where('code', 'basic')
        .update({ price: original.price, limits: JSON.stringify(original.limits) })
    })
    const saved = await client
      .patch('/admin/plans/basic')
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ price: 123_000, limits: { max_router: 3 } })
      .redirects(0)
    saved.assertStatus(303)
    const plan = await platformDb().from('plans').where('code', 'basic').first()
    assert.equal(plan.price, 123_000)
    assert.equal(plan.limits.max_router, 3)
    const audits = await auditOf(null, 'plan.updated')
    assert.lengthOf(
      audits.filter((a) => a.subject_id === 'basic' && a.after?.price === 123_000),
      1
    )

    const bad = await client
      .patch('/admin/plans/basic')
      .withSession({ user_id: admin.id })
      .withCsrfToken()
      .headers(INERTIA)
      .json({ price: -5, limits: { max_router: 1.5 } })
      .redirects(0)
    assert.properties((bad.flashMessages() as any).errorsBag, ['price', 'limits.max_router'])
    assert.equal((await platformDb().from('plans').where('code', 'basic').first()).price, 123_000)
  })

  test('the feature group API edits what a group includes (audited) and refuses unknown features', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const before = await platformDb().from('feature_groups').where('code', 'basic').first()
    const unknown = await client
      .patch('/api/v1/platform/feature-groups/basic')
      .headers(admin.headers)
      .json({ features: ['customers', 'no-such-thing'] })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'features')
    const empty = await client
      .patch('/api/v1/platform/feature-groups/basic')
      .headers(admin.headers)
      .json({})
    empty.assertStatus(422)
    const missing = await client
      .patch('/api/v1/platform/feature-groups/nope')
      .headers(admin.headers)
      .json({ name: 'Nope' })
    missing.assertStatus(404)

    const features = [...before.features, 'fixture-base']
    const ok = await client
      .patch('/api/v1/platform/feature-groups/basic')
      .headers(admin.headers)
      .json({ features })
    ok.assertStatus(200)
    assert.deepEqual(ok.body().features, [...features].sort())
    const [entry] = await auditOf(null, 'feature_group.updated')
    assert.equal(entry.subject_id, 'basic')
    await platformDb()
      .from('feature_groups')
      .where('code', 'basic')
      .update({ features: before.features })

    const tenant = await createTenant()
    const asOwner = await client
      .patch('/api/v1/platform/feature-groups/basic')
      .headers(tenant.headers)
      .json({ name: 'Mine' })
    asOwner.assertStatus(403)
  })
})
