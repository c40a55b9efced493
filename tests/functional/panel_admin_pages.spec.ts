import { test } from '@japa/runner'
import { deflateSync } from 'node:zlib'
import { createMember, createTenant, type TestTenant } from '#tests/helpers/tenants'
import { platformDb } from '#core/tenancy/tenant_db'

/** A panel request the way the Inertia client makes it, signed in through the session. */
function panel(client: any, tenant: TestTenant, userId: string) {
  const as = (request: any) =>
    request
      .withSession({ user_id: userId })
      .withCsrfToken()
      .header('host', tenant.host)
      .header('x-inertia', 'true')
      .header('x-inertia-version', '1')
      .redirects(0)
  return {
    get: (url: string) => as(client.get(url)),
    post: (url: string) => as(client.post(url)),
    patch: (url: string) => as(client.patch(url)),
    delete: (url: string) => as(client.delete(url)),
  }
}

/** A valid 2×2 PNG (an 8-byte signature, IHDR, IDAT, IEND) for upload tests. */
function tinyPng() {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(data.length + 12)
    out.writeUInt32BE(data.length, 0)
    out.write(type, 4, 'ascii')
    data.copy(out, 8)
    // The CRC is not checked by the type sniffing the upload relies on.
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(2, 0)
  header.writeUInt32BE(2, 4)
  header[8] = 8
  header[9] = 2
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(14))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

test.group('Panel | team, roles, settings and audit pages', () => {
  test('another tenant’s members and roles cannot be changed through the panel routes', async ({
    client,
    assert,
  }) => {
    const victim = await createTenant()
    const attacker = await createTenant()
    const victimRole = await platformDb()
      .from('roles')
      .where({ tenant_id: victim.id, slug: 'hr' })
      .first()
    const as = panel(client, attacker, attacker.owner.id)
    for (const response of [
      await as.patch(`/team/${victim.owner.id}`).json({ status: 'deactivated' }),
      await as.patch(`/roles/${victimRole.id}`).json({ permissions: ['users.read'] }),
      await as.delete(`/roles/${victimRole.id}`),
    ]) {
      assert.notEqual(response.status(), 200)
      assert.notEqual(response.status(), 500)
    }
    const owner = await platformDb().from('users').where('id', victim.owner.id).first()
    assert.equal(owner.status, 'active')
    const role = await platformDb().from('roles').where('id', victimRole.id).first()
    assert.deepEqual(role.permissions, victimRole.permissions)
  })

  test('each page opens for the roles that may see it; others get the 403 page', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const technician = await createMember(tenant, ['technician'])
    const hr = await createMember(tenant, ['hr'])
    const owner = panel(client, tenant, tenant.owner.id)
    for (const [url, component] of [
      ['/team', 'core/team/index'],
      ['/roles', 'core/team/roles'],
      ['/settings', 'core/settings'],
      ['/audit-log', 'core/audit_log'],
      ['/profile', 'core/profile'],
    ]) {
      const response = await owner.get(url)
      response.assertStatus(200)
      assert.equal(response.body().component, component)
    }
    const team = await panel(client, tenant, hr.id).get('/team')
    assert.equal(team.body().component, 'core/team/index')
    assert.isFalse(team.body().props.can.manageUsers)
    const forbidden = await panel(client, tenant, technician.id).get('/settings')
    forbidden.assertStatus(403)
    assert.equal(forbidden.body().component, 'core/errors/forbidden')
    const audit = await panel(client, tenant, hr.id).get('/audit-log')
    audit.assertStatus(403)
  })

  test('a panel-isolated tenant gets the suspended screen on every page, its profile stays open', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ status: 'panel_isolated' })
    const as = panel(client, tenant, tenant.owner.id)
    for (const url of ['/', '/team', '/settings']) {
      const response = await as.get(url)
      response.assertStatus(403)
      assert.equal(response.body().component, 'core/errors/suspended')
      assert.equal(response.body().props.state, 'isolated')
      assert.equal(response.body().props.tenant.id, tenant.id)
    }
    // The API keeps its JSON refusal and code.
    const api = await client.get('/api/v1/users').headers(tenant.headers)
    api.assertStatus(403)
    assert.equal(api.body().code, 'TENANT_ISOLATED')
    const profile = await as.get('/profile')
    profile.assertStatus(200)
  })

  test('a logo upload is stored privately, served to members only, and audited', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const other = await createTenant()
    const as = panel(client, tenant, tenant.owner.id)

    const refused = await as
      .post('/settings/logo')
      .file('logo', Buffer.from('not an image at all'), { filename: 'logo.png' })
    refused.assertStatus(302)
    assert.exists((refused.flashMessages() as any).inputErrorsBag?.logo)

    const uploaded = await as.post('/settings/logo').file('logo', tinyPng(), { filename: 'a.png' })
    uploaded.assertStatus(302)
    const settings = await as.get('/settings')
    const logoUrl = settings.body().props.settings.logoUrl as string
    assert.match(logoUrl, /^\/tenant-logo\?v=[0-9a-f]{12}$/)
    assert.equal(settings.body().props.tenant.logoUrl, logoUrl)

    const served = await as.get(logoUrl)
    served.assertStatus(200)
    assert.equal(served.header('content-type'), 'image/png')
    assert.equal(served.header('x-content-type-options'), 'nosniff')
    // Another tenant's member asking the same address gets their own (none), never this one.
    const foreign = await panel(client, other, other.owner.id).get(logoUrl)
    foreign.assertStatus(404)
    // Without a session: sent to sign in.
    const anonymous = await client.get(logoUrl).header('host', tenant.host).redirects(0)
    anonymous.assertStatus(302)

    const audit = await as.get('/audit-log?action=tenant.logo_updated')
    const entries = audit.body().props.entries.data
    assert.lengthOf(entries, 1)
    assert.equal(entries[0].actor, `user:${tenant.owner.id}`)
    assert.include(entries[0].actorName, tenant.owner.email)
  })

  test('the profile changes the name and the password (current one required), both audited', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const as = panel(client, tenant, tenant.owner.id)
    ;(await as.post('/profile').json({ fullName: 'Ibu Sari' })).assertStatus(302)
    const wrong = await as.post('/profile/password').json({
      currentPassword: 'salah-sekali',
      password: 'sandi-baru-123',
      passwordConfirmation: 'sandi-baru-123',
    })
    wrong.assertStatus(302)
    assert.exists((wrong.flashMessages() as any).errorsBag?.currentPassword)
    const right = await as.post('/profile/password').json({
      currentPassword: 'rahasia-123',
      password: 'sandi-baru-123',
      passwordConfirmation: 'sandi-baru-123',
    })
    right.assertStatus(302)
    const actions = (
      await platformDb().from('audit_logs').where('subject_id', tenant.owner.id).select('action')
    ).map((row) => row.action)
    assert.includeMembers(actions, ['user.profile_updated', 'user.password_changed'])
    const login = await client
      .post('/api/v1/auth/login')
      .json({ email: tenant.owner.email, password: 'sandi-baru-123' })
    login.assertStatus(200)
  })

  test('a refused form gets back what was typed, never a password', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await panel(client, tenant, tenant.owner.id)
      .post('/team')
      .header('referer', '/team')
      .json({
        email: 'not-an-email',
        fullName: 'Putu Adi',
        password: 'typed-Secret-9',
        roles: ['admin'],
      })
    response.assertStatus(302)
    const flash = response.flashMessages() as any
    assert.exists(flash.errorsBag?.email ?? flash.inputErrorsBag?.email)
    assert.equal(flash.fullName, 'Putu Adi')
    assert.notInclude(JSON.stringify(flash), 'typed-Secret-9')
  })
})
