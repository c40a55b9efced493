import { randomBytes, randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { platformDb } from '#core/tenancy/tenant_db'
import { createPlatformAdmin, createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'

const BASIC = ['billing', 'customers', 'mikrotik', 'radius', 'voucher']
const PRO = [...BASIC, 'hr', 'maps', 'wa'].sort()

/** The tenant's audit entries for one action, oldest first. */
const auditOf = (tenantId: string, action: string) =>
  platformDb()
    .from('audit_logs')
    .where({ tenant_id: tenantId, action })
    .orderBy('id')
    .select('actor', 'subject_id', 'before', 'after', 'ip', 'user_agent')

const newTenantBody = (slug: string) => ({
  name: `Alpha Net ${slug}`,
  slug,
  plan: 'basic',
  owner: { email: `owner@${slug}.test`, fullName: 'Budi Santoso', password: TEST_PASSWORD },
})

test.group('Platform admin | access', () => {
  test('every platform route refuses anonymous callers (401) and tenant users (403)', async ({
    client,
    assert,
  }) => {
    const owner = await createTenant()
    const routes = Object.values(router.toJSON())
      .flat()
      .filter((r) => r.pattern.startsWith('/api/v1/platform/'))
    assert.isAtLeast(routes.length, 15)
    for (const route of routes) {
      const url = route.pattern.replace(/:\w+/g, randomUUID())
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        const call = () => client.request(url, method as any)
        const anonymous = await call()
        assert.equal(anonymous.status(), 401, `${method} ${url} without sign-in`)
        const asOwner = await call().headers(owner.headers)
        assert.equal(asOwner.status(), 403, `${method} ${url} as a tenant owner`)
        assert.equal(asOwner.body().code, 'PLATFORM_ADMIN_ONLY')
      }
    }
  })

  test('a super admin gets in', async ({ client }) => {
    const admin = await createPlatformAdmin()
    const response = await client.get('/api/v1/platform/plans').headers(admin.headers)
    response.assertStatus(200)
  })
})

test.group('Platform admin | creating tenants', () => {
  test('creates the tenant and an owner who can sign in', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const slug = `alpha-${randomBytes(4).toString('hex')}`
    const body = newTenantBody(slug)
    const created = await client.post('/api/v1/platform/tenants').headers(admin.headers).json(body)
    created.assertStatus(201)
    const tenant = created.body()
    assert.include(tenant, { slug, plan: 'basic', status: 'active', timezone: 'Asia/Jakarta' })
    assert.equal(tenant.userCount, 1)
    assert.deepEqual(tenant.features, BASIC)
    assert.equal(tenant.featureGroup, 'basic')
    assert.equal(tenant.limits.max_router.effective, 2)

    const login = await client
      .post('/api/v1/auth/login')
      .json({ email: body.owner.email, password: TEST_PASSWORD })
    login.assertStatus(200)
    const me = await client
      .get('/api/v1/auth/me')
      .header('authorization', `Bearer ${login.body().accessToken}`)
    me.assertStatus(200)
    assert.equal(me.body().tenantId, tenant.id)
    assert.deepEqual(me.body().roles, ['owner'])
    assert.isNull(me.body().impersonatorId)

    const [entry] = await auditOf(tenant.id, 'tenant.created')
    assert.equal(entry.actor, `super_admin:${admin.id}`)
    assert.equal(entry.after.owner, body.owner.email)
  })

  test('a taken slug gets 422 on the slug field and creates nothing', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const existing = await createTenant()
    const body = newTenantBody(existing.slug)
    body.owner.email = `second-owner@${existing.slug}.test`
    const response = await client.post('/api/v1/platform/tenants').headers(admin.headers).json(body)
    response.assertStatus(422)
    assert.deepEqual(
      response.body().errors.map((e: any) => e.field),
      ['slug']
    )
    assert.include(response.body().errors[0].message, 'already used')
    const owner = await platformDb().from('users').where('email', body.owner.email).first()
    assert.isNull(owner, 'no owner account was created')
  })

  test('bad input gets a message per field and creates nothing', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const taken = await createTenant()
    const response = await client
      .post('/api/v1/platform/tenants')
      .headers(admin.headers)
      .json({
        name: 'Beta Net',
        slug: 'Beta_Net',
        plan: 'gold',
        timezone: 'Mars/Olympus',
        locale: 'fr',
        customDomain: 'not a domain',
        owner: { email: taken.owner.email, fullName: 'Sari', password: 'short' },
      })
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: any) => e.field)
      .sort()
    assert.deepEqual(fields, ['customDomain', 'locale', 'owner.password', 'slug', 'timezone'])

    const second = await client
      .post('/api/v1/platform/tenants')
      .headers(admin.headers)
      .json({
        ...newTenantBody('beta-net-x1'),
        plan: 'gold',
        owner: { email: taken.owner.email, fullName: 'Sari', password: TEST_PASSWORD },
      })
    second.assertStatus(422)
    const messages = Object.fromEntries(second.body().errors.map((e: any) => [e.field, e.message]))
    assert.include(messages.plan, 'There is no plan "gold"')
    assert.include(messages['owner.email'], 'already used')
    assert.isNull(await platformDb().from('tenants').where('slug', 'beta-net-x1').first())
  })

  test('an unknown or malformed tenant id gets 404', async ({ client }) => {
    const admin = await createPlatformAdmin()
    for (const id of [randomUUID(), 'not-a-uuid', "1' OR '1'='1"]) {
      const url = `/api/v1/platform/tenants/${encodeURIComponent(id)}`
      ;(await client.get(url).headers(admin.headers)).assertStatus(404)
      ;(
        await client.patch(`${url}/status`).headers(admin.headers).json({ status: 'active' })
      ).assertStatus(404)
    }
  })
})

test.group('Platform admin | plans and limits', () => {
  test('a plan change changes the effective limits and the features', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'basic' })
    const url = `/api/v1/platform/tenants/${tenant.id}`
    const before = await client.get(url).headers(admin.headers)
    assert.equal(before.body().limits.max_router.effective, 2)

    const changed = await client.patch(`${url}/plan`).headers(admin.headers).json({ plan: 'pro' })
    changed.assertStatus(200)
    assert.deepEqual(changed.body().plan, { before: 'basic', after: 'pro' })
    assert.equal(changed.body().tenant.limits.max_router.effective, 5)
    assert.deepEqual(changed.body().tenant.features, PRO)
    const after = await client.get(url).headers(admin.headers)
    assert.equal(after.body().limits.max_router.effective, 5)

    const [entry] = await auditOf(tenant.id, 'tenant.plan_changed')
    assert.equal(entry.actor, `super_admin:${admin.id}`)
    assert.deepEqual([entry.before, entry.after], [{ plan: 'basic' }, { plan: 'pro' }])
  })

  test('a plan change can leave the features alone; an unknown plan is refused', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'basic' })
    const url = `/api/v1/platform/tenants/${tenant.id}/plan`
    const kept = await client
      .patch(url)
      .headers(admin.headers)
      .json({ plan: 'business', applyFeatureGroup: false })
    kept.assertStatus(200)
    assert.deepEqual(kept.body().tenant.features, [])
    assert.equal(kept.body().tenant.limits.max_router.effective, 10)

    const unknown = await client.patch(url).headers(admin.headers).json({ plan: 'platinum' })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].field, 'plan')
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.equal(row.plan, 'business')
  })

  test('a limit override shows in the detail, flagged billable or not', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plan: 'pro' })
    const url = `/api/v1/platform/tenants/${tenant.id}`
    const set = await client
      .put(`${url}/limits/max_router`)
      .headers(admin.headers)
      .json({ value: 8 })
    set.assertStatus(200)
    assert.deepEqual(set.body(), {
      limitKey: 'max_router',
      plan: 5,
      override: 8,
      addons: 0,
      effective: 8,
      billable: true,
    })
    const detail = await client.get(url).headers(admin.headers)
    assert.deepEqual(detail.body().limits.max_router, {
      plan: 5,
      override: 8,
      addons: 0,
      effective: 8,
      billable: true,
    })

    await client
      .put(`${url}/limits/max_router`)
      .headers(admin.headers)
      .json({ value: 9, billable: false })
    const courtesy = await client.get(url).headers(admin.headers)
    assert.include(courtesy.body().limits.max_router, { override: 9, billable: false })

    const removed = await client
      .put(`${url}/limits/max_router`)
      .headers(admin.headers)
      .json({ value: null })
    assert.include(removed.body(), { override: null, effective: 5, billable: null })

    const entries = await auditOf(tenant.id, 'limit.overridden')
    assert.deepEqual(
      entries.map((e) => [e.actor, e.subject_id, e.after]),
      [
        [`super_admin:${admin.id}`, 'max_router', { value: 8, billable: true }],
        [`super_admin:${admin.id}`, 'max_router', { value: 9, billable: false }],
      ]
    )
  })

  test('an unknown limit or a negative value is refused with a field message', async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const url = `/api/v1/platform/tenants/${tenant.id}/limits`
    const unknown = await client.put(`${url}/max_rockets`).headers(admin.headers).json({ value: 1 })
    unknown.assertStatus(422)
    assert.include(unknown.body().errors[0].message, 'not a known limit')
    const negative = await client
      .put(`${url}/max_router`)
      .headers(admin.headers)
      .json({ value: -1 })
    negative.assertStatus(422)
    assert.equal(negative.body().errors[0].field, 'value')
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.deepEqual(row.limits, {})
  })
})

test.group('Platform admin | tenant status', () => {
  test("status changes reach the tenant's next request", async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const pings = () => client.get('/api/v1/fixture-base/pings').headers(tenant.headers)
    const setStatus = (status: string) =>
      client
        .patch(`/api/v1/platform/tenants/${tenant.id}/status`)
        .headers(admin.headers)
        .json({ status, reason: 'unpaid invoice' })
    ;(await pings()).assertStatus(200)

    const deactivated = await setStatus('deactivated')
    deactivated.assertStatus(200)
    assert.equal(deactivated.body().status, 'deactivated')
    const refused = await pings()
    refused.assertStatus(403)
    assert.equal(refused.body().code, 'TENANT_DEACTIVATED')

    ;(await setStatus('panel_isolated')).assertStatus(200)
    const isolated = await pings()
    isolated.assertStatus(403)
    assert.equal(isolated.body().code, 'TENANT_ISOLATED')

    ;(await setStatus('active')).assertStatus(200)
    ;(await pings()).assertStatus(200)

    const entries = await auditOf(tenant.id, 'tenant.status_changed')
    assert.deepEqual(
      entries.map((e) => [e.actor, e.before.status, e.after.status]),
      [
        [`super_admin:${admin.id}`, 'active', 'deactivated'],
        [`super_admin:${admin.id}`, 'deactivated', 'panel_isolated'],
        [`super_admin:${admin.id}`, 'panel_isolated', 'active'],
      ]
    )
    assert.equal(entries[0].after.reason, 'unpaid invoice')
  })

  test('an unknown status is refused and changes nothing', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant()
    const response = await client
      .patch(`/api/v1/platform/tenants/${tenant.id}/status`)
      .headers(admin.headers)
      .json({ status: 'suspended' })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'status')
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.equal(row.status, 'active')
  })
})

test.group('Platform admin | impersonation', () => {
  test('the token acts inside the tenant and names the super admin', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const started = await client
      .post(`/api/v1/platform/tenants/${tenant.id}/impersonate`)
      .headers(admin.headers)
      .header('user-agent', 'PlatformConsole/1.0')
    started.assertStatus(200)
    assert.deepEqual(Object.keys(started.body()).sort(), ['accessToken', 'expiresIn', 'tokenType'])
    assert.equal(started.body().tokenType, 'Bearer')
    const bearer = { authorization: `Bearer ${started.body().accessToken}` }

    const pings = await client.get('/api/v1/fixture-base/pings').headers(bearer)
    pings.assertStatus(200)
    const me = await client.get('/api/v1/auth/me').headers(bearer)
    assert.equal(me.body().tenantId, tenant.id)
    assert.equal(me.body().impersonatorId, admin.id)

    const platform = await client.get('/api/v1/platform/tenants').headers(bearer)
    platform.assertStatus(403)
    assert.equal(platform.body().code, 'PLATFORM_ADMIN_ONLY')

    const [entry] = await auditOf(tenant.id, 'tenant.impersonation_started')
    assert.equal(entry.actor, `super_admin:${admin.id}`)
    assert.equal(entry.user_agent, 'PlatformConsole/1.0')
    assert.isString(entry.ip)
  })

  test('a deactivated tenant cannot be impersonated', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const tenant = await createTenant({ status: 'deactivated' })
    const response = await client
      .post(`/api/v1/platform/tenants/${tenant.id}/impersonate`)
      .headers(admin.headers)
    response.assertStatus(409)
    assert.equal(response.body().code, 'TENANT_DEACTIVATED')
    assert.lengthOf(await auditOf(tenant.id, 'tenant.impersonation_started'), 0)
  })
})

test.group('Platform admin | audit logs', () => {
  test("lists every tenant's entries, newest first, filtered and paginated", async ({
    client,
    assert,
  }) => {
    const admin = await createPlatformAdmin()
    const alpha = await createTenant()
    const beta = await createTenant()
    for (const status of ['panel_isolated', 'active']) {
      await client
        .patch(`/api/v1/platform/tenants/${alpha.id}/status`)
        .headers(admin.headers)
        .json({ status })
    }
    await client.post(`/api/v1/platform/tenants/${beta.id}/impersonate`).headers(admin.headers)
    const logs = (query: Record<string, unknown>) =>
      client.get('/api/v1/platform/audit-logs').headers(admin.headers).qs(query)

    const mine = await logs({ actor: `super_admin:${admin.id}`, perPage: 2 })
    mine.assertStatus(200)
    assert.deepEqual(mine.body().meta, { total: 3, page: 1, perPage: 2, lastPage: 2 })
    assert.deepEqual(
      mine.body().data.map((e: any) => [e.action, e.tenantId]),
      [
        ['tenant.impersonation_started', beta.id],
        ['tenant.status_changed', alpha.id],
      ]
    )
    assert.equal(mine.body().data[0].tenant.slug, beta.slug)

    const alphaOnly = await logs({ tenantId: alpha.id, action: 'tenant.status_changed' })
    assert.deepEqual(
      alphaOnly.body().data.map((e: any) => e.after.status),
      ['active', 'panel_isolated']
    )
    const prefix = await logs({ tenantId: alpha.id, action: 'tenant.*' })
    assert.equal(prefix.body().meta.total, 2)

    const today = new Date().toISOString().slice(0, 10)
    const inRange = await logs({ tenantId: alpha.id, from: today, to: today })
    assert.isAbove(inRange.body().meta.total, 2, 'a date-only "to" includes that whole day')
    const future = await logs({ tenantId: alpha.id, from: '2999-01-01T00:00:00Z' })
    assert.equal(future.body().meta.total, 0)
  })

  test('bad filters get 422 with the field named', async ({ client, assert }) => {
    const admin = await createPlatformAdmin()
    const response = await client
      .get('/api/v1/platform/audit-logs')
      .headers(admin.headers)
      .qs({ tenantId: 'abc', from: 'yesterday', perPage: 500 })
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: any) => e.field)
      .sort()
    assert.deepEqual(fields, ['from', 'perPage', 'tenantId'])
    const reversed = await client
      .get('/api/v1/platform/audit-logs')
      .headers(admin.headers)
      .qs({ from: '2025-02-01', to: '2025-01-01' })
    reversed.assertStatus(422)
    assert.equal(reversed.body().errors[0].field, 'to')
  })
})
