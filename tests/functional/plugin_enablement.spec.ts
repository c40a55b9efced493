import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import kernel from '#core/services/kernel'
import { ApiError } from '#core/http/api_error'
import env from '#start/env'
import { createTenant } from '#tests/helpers/tenants'
import { visitPage } from '#tests/helpers/inertia'

test.group('Plugin kernel | per-tenant enablement', () => {
  test('enabling a plugin also enables the plugins it requires', async ({ assert }) => {
    const tenant = await createTenant()
    const added = await kernel.enablement.enable(tenant.id, 'fixture-addon', {
      actor: 'user:owner-1',
    })
    assert.deepEqual(added, ['fixture-base', 'fixture-addon'])

    const enabled = await kernel.enablement.enabledFor(tenant.id)
    assert.isTrue(enabled.has('fixture-base'))
    assert.isTrue(enabled.has('fixture-addon'))

    const rows = await platformDb()
      .from('tenant_plugins')
      .where('tenant_id', tenant.id)
      .orderBy('plugin_id')
      .select('plugin_id', 'source')
    assert.deepEqual(rows, [
      { plugin_id: 'fixture-addon', source: 'admin' },
      { plugin_id: 'fixture-base', source: 'dependency' },
    ])
  })

  test('disabling a plugin that an enabled plugin needs is refused, naming it', async ({
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-addon'] })
    const error = await kernel.enablement
      .disable(tenant.id, 'fixture-base', { actor: 'user:owner-1' })
      .catch((e) => e)
    assert.instanceOf(error, ApiError)
    assert.equal(error.status, 409)
    assert.equal(error.code, 'PLUGIN_REQUIRED')
    assert.include(error.message, '"fixture-addon" needs it')
    assert.isTrue(await kernel.enablement.isEnabled(tenant.id, 'fixture-base'), 'nothing changed')

    await kernel.enablement.disable(tenant.id, 'fixture-addon', { actor: 'user:owner-1' })
    await kernel.enablement.disable(tenant.id, 'fixture-base', { actor: 'user:owner-1' })
    assert.equal((await kernel.enablement.enabledFor(tenant.id)).size, 0)
  })

  test('enabling an unknown plugin is refused', async ({ assert }) => {
    const tenant = await createTenant()
    const error = await kernel.enablement
      .enable(tenant.id, 'no-such-plugin', { actor: 'user:owner-1' })
      .catch((e) => e)
    assert.equal(error.code, 'PLUGIN_NOT_INSTALLED')
    assert.equal(error.status, 404)
  })

  test('changes are audited with who, what, before and after', async ({ assert }) => {
    const tenant = await createTenant()
    await kernel.enablement.enable(tenant.id, 'fixture-addon', {
      actor: 'super_admin:7',
      ip: '10.1.2.3',
    })
    await kernel.enablement.disable(tenant.id, 'fixture-addon', { actor: 'super_admin:7' })
    const entries = await platformDb()
      .from('audit_logs')
      .where('tenant_id', tenant.id)
      .whereLike('action', 'plugin.%')
      .orderBy('id')
      .select('actor', 'action', 'subject_id', 'before', 'after', 'ip')
    assert.deepEqual(
      entries.map((e) => [e.actor, e.action, e.subject_id]),
      [
        ['super_admin:7', 'plugin.enabled', 'fixture-base'],
        ['super_admin:7', 'plugin.enabled', 'fixture-addon'],
        ['super_admin:7', 'plugin.disabled', 'fixture-addon'],
      ]
    )
    assert.deepEqual(entries[0].after, { enabled: true, reason: 'required by fixture-addon' })
    assert.equal(entries[0].ip, '10.1.2.3')
  })

  test('another process sees a change at once (cache invalidated, not expired)', async ({
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    assert.isTrue(await kernel.enablement.isEnabled(tenant.id, 'fixture-base'))
    // Simulate another process changing the database and invalidating.
    await platformDb()
      .from('tenant_plugins')
      .where({ tenant_id: tenant.id })
      .update({ enabled: false })
    assert.isTrue(
      await kernel.enablement.isEnabled(tenant.id, 'fixture-base'),
      'served from cache until invalidated'
    )
    await kernel.enablement.disable(tenant.id, 'fixture-base', { actor: 'system:test' })
    assert.isFalse(await kernel.enablement.isEnabled(tenant.id, 'fixture-base'))
  })
})

test.group('Plugin kernel | routes per tenant', () => {
  test('a plugin route answers for a tenant that has it enabled', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const created = await client
      .post('/api/v1/fixture-base/pings')
      .headers(tenant.headers)
      .json({ note: 'from test' })
    created.assertStatus(201)
    const list = await client.get('/api/v1/fixture-base/pings').headers(tenant.headers)
    list.assertStatus(200)
    list.assertBody({ data: [{ id: created.body().id, note: 'from test' }] })
  })

  test('a disabled plugin route answers 403 with a clear JSON error', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['fixture-other'] })
    const response = await client.get('/api/v1/fixture-base/pings').headers(tenant.headers)
    response.assertStatus(403)
    response.assertBody({
      code: 'PLUGIN_DISABLED',
      message:
        'The "fixture-base" module is not enabled for this account. Ask the platform administrator to enable it.',
    })
  })

  test('disabling takes effect on the next request', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    ;(await client.get('/api/v1/fixture-base/pings').headers(tenant.headers)).assertStatus(200)
    await kernel.enablement.disable(tenant.id, 'fixture-base', { actor: 'system:test' })
    ;(await client.get('/api/v1/fixture-base/pings').headers(tenant.headers)).assertStatus(403)
  })

  test('a tenant only sees its own rows through a plugin route', async ({ client, assert }) => {
    const alpha = await createTenant({ plugins: ['fixture-base'] })
    const beta = await createTenant({ plugins: ['fixture-base'] })
    await client
      .post('/api/v1/fixture-base/pings')
      .headers(alpha.headers)
      .json({ note: 'alpha only' })
    const list = await client.get('/api/v1/fixture-base/pings').headers(beta.headers)
    assert.deepEqual(list.body().data, [])
  })

  test('bad input gets 422 with field messages and writes nothing', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const response = await client
      .post('/api/v1/fixture-base/pings')
      .headers(tenant.headers)
      .json({ note: '' })
    response.assertStatus(422)
    assert.equal(response.body().code, 'VALIDATION_FAILED')
    assert.equal(response.body().errors[0].field, 'note')
    const count = await platformDb()
      .from('fixture_base_pings')
      .where('tenant_id', tenant.id)
      .count('* as total')
    assert.equal(Number(count[0].total), 0)
  })

  test('malformed JSON gets a 4xx, never a 500', async ({ assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const response = await fetch(
      `http://${env.get('HOST')}:${env.get('PORT')}/api/v1/fixture-base/pings`,
      {
        method: 'POST',
        headers: { 'host': tenant.host, 'content-type': 'application/json' },
        body: '{"note": ',
      }
    )
    assert.isAtLeast(response.status, 400)
    assert.isBelow(response.status, 500)
    assert.property(await response.json(), 'code')
  })

  test('a request without credentials gets 401, one with a forged token too', async ({
    client,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const anonymous = await client.get('/api/v1/fixture-base/pings').header('host', tenant.host)
    anonymous.assertStatus(401)
    anonymous.assertBodyContains({ code: 'UNAUTHENTICATED' })
    const [head, body] = tenant.token.split('.')
    const forged = await client
      .get('/api/v1/fixture-base/pings')
      .header('authorization', `Bearer ${head}.${body}.${'A'.repeat(342)}`)
    forged.assertStatus(401)
    forged.assertBodyContains({ code: 'TOKEN_INVALID' })
  })

  test("a token used on another tenant's address is refused", async ({ client }) => {
    const alpha = await createTenant({ plugins: ['fixture-base'] })
    const beta = await createTenant({ plugins: ['fixture-base'] })
    const response = await client
      .get('/api/v1/fixture-base/pings')
      .header('host', beta.host)
      .header('authorization', alpha.headers.authorization)
    response.assertStatus(403)
    response.assertBodyContains({ code: 'TENANT_MISMATCH' })
  })

  test('a route needing a permission refuses a role without it, naming it', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const { createMember } = await import('#tests/helpers/tenants')
    const hr = await createMember(tenant, ['hr'])
    const denied = await client
      .post('/api/v1/fixture-base/pings')
      .headers(hr.headers)
      .json({ note: 'x' })
    denied.assertStatus(403)
    denied.assertBody({
      code: 'PERMISSION_DENIED',
      message: 'Your role does not include the "fixture.write" permission.',
    })
    const tech = await createMember(tenant, ['owner'])
    ;(
      await client.post('/api/v1/fixture-base/pings').headers(tech.headers).json({ note: 'x' })
    ).assertStatus(201)
  })

  test('a deactivated tenant is refused; a panel-isolated one is told how to get out', async ({
    client,
  }) => {
    const deactivated = await createTenant({ plugins: ['fixture-base'], status: 'deactivated' })
    const r1 = await client.get('/api/v1/fixture-base/pings').headers(deactivated.headers)
    r1.assertStatus(403)
    r1.assertBodyContains({ code: 'TENANT_DEACTIVATED' })

    const isolated = await createTenant({ plugins: ['fixture-base'], status: 'panel_isolated' })
    const r2 = await client.get('/api/v1/fixture-base/pings').headers(isolated.headers)
    r2.assertStatus(403)
    r2.assertBodyContains({ code: 'TENANT_ISOLATED' })
  })
})

test.group('Plugin kernel | extension points', () => {
  test('implementations are listed per tenant, by the plugins it has enabled', async ({
    client,
    assert,
  }) => {
    const both = await createTenant({ plugins: ['fixture-addon', 'fixture-other'] })
    const onlyAddon = await createTenant({ plugins: ['fixture-addon'] })

    const r1 = await client.get('/api/v1/fixture-addon/greeting').headers(both.headers)
    assert.deepEqual(r1.body().greetings, [
      { plugin: 'fixture-addon', text: 'Selamat datang, Bapak/Ibu Budi' },
      { plugin: 'fixture-other', text: 'Halo Budi!' },
    ])
    const r2 = await client.get('/api/v1/fixture-addon/greeting').headers(onlyAddon.headers)
    assert.deepEqual(r2.body().greetings, [
      { plugin: 'fixture-addon', text: 'Selamat datang, Bapak/Ibu Budi' },
    ])
  })

  test('no implementation is consulted while the plugin owning the point is disabled', async ({
    assert,
  }) => {
    const { greeterPoint } = await import('#tests/fixtures/plugins/fixture-base/contracts')
    const tenant = await createTenant({ plugins: ['fixture-other'] })
    assert.deepEqual(await kernel.extensionsFor(greeterPoint, tenant.id), [])
    await kernel.enablement.enable(tenant.id, 'fixture-base', { actor: 'system:test' })
    const list = await kernel.extensionsFor(greeterPoint, tenant.id)
    assert.deepEqual(
      list.map((e) => e.plugin),
      ['fixture-other']
    )
  })
})

test.group('Plugin kernel | listeners and plugin middleware', () => {
  const repliesFor = async (tenantId: string) =>
    (
      await platformDb()
        .from('fixture_addon_replies')
        .join('fixture_base_pings', 'fixture_base_pings.id', 'fixture_addon_replies.ping_id')
        .where('fixture_base_pings.tenant_id', tenantId)
        .select('fixture_addon_replies.text')
    ).map((r) => r.text)

  test('a plugin listener hears events of tenants that have the plugin enabled', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-addon'] })
    ;(
      await client.post('/api/v1/fixture-base/pings').headers(tenant.headers).json({ note: 'hi' })
    ).assertStatus(201)
    assert.deepEqual(await repliesFor(tenant.id), ['pong'])
  })

  test('a plugin listener does not hear events of tenants without the plugin', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    ;(
      await client.post('/api/v1/fixture-base/pings').headers(tenant.headers).json({ note: 'hi' })
    ).assertStatus(201)
    assert.deepEqual(await repliesFor(tenant.id), [])
  })

  test("a route runs the plugin's own middleware after the tenant chain", async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const response = await client.get('/api/v1/fixture-base/pings').headers(tenant.headers)
    assert.equal(response.header('x-fixture-stamp'), tenant.slug)
  })
})

test.group('Plugin kernel | panel pages', () => {
  test('a plugin page renders through Inertia with the tenant and its navigation', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-addon'] })
    await platformDb().table('fixture_base_pings').insert({ tenant_id: tenant.id, note: 'panel' })
    const response = await visitPage(client, '/fixture-base', tenant.headers)
    response.assertStatus(200)
    const page = response.body()
    assert.equal(page.component, 'fixture-base/pings')
    assert.deepEqual(
      page.props.pings.map((p: any) => p.note),
      ['panel']
    )
    assert.equal(page.props.tenant.slug, tenant.slug)
    assert.deepEqual(page.props.navigation, [
      {
        plugin: 'fixture-base',
        label: { en: 'Pings', id: 'Ping' },
        href: '/fixture-base',
        icon: null,
        permission: 'fixture.read',
      },
    ])
  })

  test('a disabled plugin page answers 403 and its navigation disappears', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-other'] })
    const response = await visitPage(client, '/fixture-base', tenant.headers)
    response.assertStatus(403)
    const { enabledFor } = kernel.enablement
    const navigation = kernel.plugins.navigation(
      await enabledFor.call(kernel.enablement, tenant.id)
    )
    assert.deepEqual(navigation, [])
  })
})
