import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember, createTenant, type TestTenant } from '#tests/helpers/tenants'

const NEW_PASSWORD = 'kuat-sekali-99'

function newUser(tenant: TestTenant, overrides: Record<string, unknown> = {}) {
  return {
    email: `staff-${Math.random().toString(36).slice(2, 8)}@${tenant.slug}.test`,
    fullName: 'Budi Santoso',
    phone: '+62 812-3456-7890',
    password: NEW_PASSWORD,
    roles: ['technician'],
    ...overrides,
  }
}

async function signIn(client: ApiClient, email: string, password = NEW_PASSWORD) {
  const response = await client.post('/api/v1/auth/login').json({ email, password })
  response.assertStatus(200)
  return response.body() as { accessToken: string; refreshToken: string }
}

/** The team API as someone: signed in, on their tenant's address. */
const teamApi = (client: ApiClient, headers: Record<string, string>) => ({
  list: (query: Record<string, unknown> = {}) =>
    client.get('/api/v1/users').headers(headers).qs(query),
  add: (body: object) => client.post('/api/v1/users').headers(headers).json(body),
  edit: (id: string, body: object) =>
    client.patch(`/api/v1/users/${id}`).headers(headers).json(body),
})

const usersOf = (tenantId: string) => platformDb().from('users').where('tenant_id', tenantId)
const column = (response: { body(): any }, key: string) =>
  response.body().data.map((row: any) => row[key])

test.group('Team | members', () => {
  test('hr can list the team but not add to it', async ({ client, assert }) => {
    const tenant = await createTenant()
    const hr = await createMember(tenant, ['hr'])
    const list = await teamApi(client, hr.headers).list()
    list.assertStatus(200)
    const owner = list.body().data.find((u: any) => u.id === tenant.owner.id)
    assert.deepInclude(owner, { email: tenant.owner.email, status: 'active', roles: ['owner'] })
    assert.notProperty(owner, 'password')
    assert.deepEqual(list.body().meta, { total: 2, page: 1, perPage: 20, lastPage: 1 })

    const create = await teamApi(client, hr.headers).add(newUser(tenant))
    create.assertStatus(403)
    assert.equal(create.body().code, 'PERMISSION_DENIED')
    assert.include(create.body().message, 'users.manage')
    assert.equal((await usersOf(tenant.id)).length, 2)
  })

  test('a new member signs in and holds the permissions of their role', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const input = newUser(tenant)
    const created = await teamApi(client, tenant.headers).add(input)
    created.assertStatus(201)
    assert.deepInclude(created.body(), {
      email: input.email,
      fullName: 'Budi Santoso',
      phone: '+62 812-3456-7890',
      roles: ['technician'],
      status: 'active',
      parentUserId: null,
    })

    const { accessToken } = await signIn(client, input.email)
    const me = await client.get('/api/v1/auth/me').header('authorization', `Bearer ${accessToken}`)
    me.assertStatus(200)
    assert.equal(me.body().tenantId, tenant.id)
    assert.deepEqual(me.body().roles, ['technician'])
    assert.includeMembers(me.body().permissions, ['router.read', 'router.write'])
    assert.notInclude(me.body().permissions, 'users.manage')

    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'user.created', subject_id: created.body().id })
      .first()
    assert.equal(audit.actor, `user:${tenant.owner.id}`)
    assert.deepInclude(audit.after, { email: input.email, roles: ['technician'] })
  })

  test('an email already used in any account is refused on the email field', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const other = await createTenant()
    for (const email of [tenant.owner.email, other.owner.email.toUpperCase()]) {
      const response = await teamApi(client, tenant.headers).add(newUser(tenant, { email }))
      response.assertStatus(422)
      assert.deepEqual(
        response.body().errors.map((e: any) => e.field),
        ['email']
      )
    }
    assert.equal((await usersOf(tenant.id)).length, 1)
  })

  test('bad input gets field messages and creates nobody', async ({ client, assert }) => {
    const tenant = await createTenant()
    const invalid = await teamApi(client, tenant.headers).add({
      email: 'not-an-email',
      fullName: '',
      password: 'short',
      roles: ['technician'],
    })
    invalid.assertStatus(422)
    const fields = invalid.body().errors.map((e: any) => e.field)
    assert.includeMembers(fields, ['email', 'fullName', 'password'])

    const noRole = await teamApi(client, tenant.headers).add(newUser(tenant, { roles: undefined }))
    noRole.assertStatus(422)
    assert.equal(noRole.body().errors[0].field, 'roles')

    const unknownRole = await teamApi(client, tenant.headers).add(
      newUser(tenant, { roles: ['kasir'] })
    )
    unknownRole.assertStatus(422)
    assert.include(unknownRole.body().errors[0].message, 'kasir')
    assert.equal((await usersOf(tenant.id)).length, 1)
  })

  test('only an owner can make someone an owner', async ({ client, assert }) => {
    const tenant = await createTenant()
    const admin = await createMember(tenant, ['admin'])
    const byAdmin = await teamApi(client, admin.headers).add(newUser(tenant, { roles: ['owner'] }))
    byAdmin.assertStatus(403)
    assert.equal(byAdmin.body().code, 'OWNER_ONLY')
    const promote = await teamApi(client, admin.headers).edit(admin.id, {
      roles: ['admin', 'owner'],
    })
    promote.assertStatus(403)

    const byOwner = await teamApi(client, tenant.headers).add(newUser(tenant, { roles: ['owner'] }))
    byOwner.assertStatus(201)
    assert.deepEqual(byOwner.body().roles, ['owner'])
  })

  test('an investor account is read-only and hangs under its creator', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const input = newUser(tenant, { roles: undefined, investor: true })
    const created = await teamApi(client, tenant.headers).add(input)
    created.assertStatus(201)
    assert.equal(created.body().parentUserId, tenant.owner.id)
    assert.deepEqual(created.body().roles, ['investor'])

    const { accessToken } = await signIn(client, input.email)
    const me = await client.get('/api/v1/auth/me').header('authorization', `Bearer ${accessToken}`)
    assert.includeMembers(me.body().permissions, ['reports.read', 'billing.read'])
    assert.isTrue(me.body().permissions.every((p: string) => p.endsWith('.read')))

    const roles = (await client.get('/api/v1/roles').headers(tenant.headers)).body().data
    assert.deepInclude(
      roles.map((r: any) => [r.slug, r.isSystem, r.memberCount]),
      ['investor', true, 1]
    )
  })

  test('the list pages, searches and filters by status and role', async ({ client, assert }) => {
    const tenant = await createTenant()
    for (const name of ['Siti Aminah', 'Agus Salim', 'Dewi Lestari']) {
      const roles = name === 'Agus Salim' ? ['hr'] : ['technician']
      const body = newUser(tenant, { fullName: name, roles })
      await teamApi(client, tenant.headers).add(body)
    }
    const list = (query: Record<string, unknown>) => teamApi(client, tenant.headers).list(query)

    const second = await list({ page: 2, perPage: 3 })
    assert.deepEqual(second.body().meta, { total: 4, page: 2, perPage: 3, lastPage: 2 })
    assert.deepEqual(column(second, 'fullName'), ['Dewi Lestari'])
    const found = await list({ q: 'aminah' })
    assert.deepEqual(column(found, 'fullName'), ['Siti Aminah'])
    const hrOnly = await list({ role: 'hr' })
    assert.deepEqual(column(hrOnly, 'fullName'), ['Agus Salim'])
    const dewi = second.body().data[0]
    await teamApi(client, tenant.headers).edit(dewi.id, { status: 'deactivated' })
    const inactive = await list({ status: 'deactivated' })
    assert.deepEqual(column(inactive, 'id'), [dewi.id])
    ;(await list({ perPage: 101 })).assertStatus(422)
    ;(await list({ q: '%' })).assertBodyContains({ meta: { total: 0 } })
  })
})

test.group('Team | hostile input', () => {
  test('odd input gets a 4xx with a code, never a server error', async ({ client, assert }) => {
    const tenant = await createTenant()
    const requests = [
      client.get('/api/v1/users').qs({ q: 'a\u0000b' }),
      client.get('/api/v1/users').qs({ role: 'hr\u0000' }),
      client.get('/api/v1/users').qs({ page: 'abc', perPage: -1 }),
      client.get('/api/v1/users').qs({ status: 'banned' }),
      client.post('/api/v1/users').json(newUser(tenant, { fullName: 'Budi\u0000' })),
      client.post('/api/v1/users').json(newUser(tenant, { roles: 'technician' })),
      client.post('/api/v1/users').json(newUser(tenant, { roles: ['hr', 'hr'] })),
      client.post('/api/v1/users').json(newUser(tenant, { investor: 'yes' })),
      client.post('/api/v1/users').json(newUser(tenant, { phone: 'call me' })),
      client.post('/api/v1/users').json([1, 2]),
      client.patch(`/api/v1/users/${tenant.owner.id}`).json({}),
      client.patch(`/api/v1/users/${tenant.owner.id}`).json({ status: 'gone' }),
      client.patch(`/api/v1/users/${tenant.owner.id}`).json({ roles: [] }),
      client.patch(`/api/v1/users/${tenant.owner.id}`).json({ roles: ['owner', 'nope\u0000'] }),
      client.patch('/api/v1/users/00000000-0000-0000-0000-000000000000').json({ fullName: 'X' }),
    ]
    for (const request of requests) {
      const response = await request.headers(tenant.headers)
      assert.isAtLeast(response.status(), 400)
      assert.isBelow(response.status(), 500, JSON.stringify(response.body()))
      assert.isString(response.body().code)
    }
    const owner = await platformDb().from('users').where('id', tenant.owner.id).first()
    assert.equal(owner.status, 'active')
  })
})

test.group('Team | changing members', () => {
  test('a deactivated member is signed out: token and refresh stop working', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const input = newUser(tenant)
    const created = (await teamApi(client, tenant.headers).add(input)).body()
    const pair = await signIn(client, input.email)
    const bearer = `Bearer ${pair.accessToken}`
    ;(await client.get('/api/v1/auth/me').header('authorization', bearer)).assertStatus(200)

    const deactivate = await teamApi(client, tenant.headers).edit(created.id, {
      status: 'deactivated',
    })
    deactivate.assertStatus(200)
    assert.equal(deactivate.body().status, 'deactivated')

    const me = await client.get('/api/v1/auth/me').header('authorization', bearer)
    me.assertStatus(401)
    assert.equal(me.body().code, 'ACCOUNT_INACTIVE')
    // Revoked outright, not merely refused for the inactive account.
    const refresh = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: pair.refreshToken })
    refresh.assertStatus(401)
    assert.equal(refresh.body().code, 'REFRESH_TOKEN_INVALID')
    ;(
      await client.post('/api/v1/auth/login').json({ email: input.email, password: NEW_PASSWORD })
    ).assertStatus(401)

    const audit = await platformDb()
      .from('audit_logs')
      .where({ action: 'user.updated', subject_id: created.id })
      .first()
    assert.deepEqual(audit.before.status, 'active')
    assert.deepEqual(audit.after, { status: 'deactivated' })
  })

  test('a role change applies to the member’s next request', async ({ client, assert }) => {
    const tenant = await createTenant()
    const hr = await createMember(tenant, ['hr'])
    ;(await teamApi(client, hr.headers).list()).assertStatus(200)
    const change = await teamApi(client, tenant.headers).edit(hr.id, {
      roles: ['technician'],
      fullName: 'Rina Teknisi',
    })
    change.assertStatus(200)
    assert.deepInclude(change.body(), { roles: ['technician'], fullName: 'Rina Teknisi' })
    const denied = await teamApi(client, hr.headers).list()
    denied.assertStatus(403)
    assert.include(denied.body().message, 'users.read')
  })

  test('nobody deactivates themselves, and the last active owner stays', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const admin = await createMember(tenant, ['admin'])
    const self = await teamApi(client, admin.headers).edit(admin.id, {
      status: 'deactivated',
    })
    self.assertStatus(409)
    assert.equal(self.body().code, 'CANNOT_DEACTIVATE_SELF')

    const demote = await teamApi(client, tenant.headers).edit(tenant.owner.id, {
      roles: ['admin'],
    })
    demote.assertStatus(409)
    assert.equal(demote.body().code, 'LAST_OWNER')
    assert.include(demote.body().message, 'only active owner')

    const byAdmin = await teamApi(client, admin.headers).edit(tenant.owner.id, {
      status: 'deactivated',
    })
    byAdmin.assertStatus(403)
    assert.equal(byAdmin.body().code, 'OWNER_ONLY')
    const owner = await platformDb().from('users').where('id', tenant.owner.id).first()
    assert.equal(owner.status, 'active')

    // With a second owner, the first may step down.
    const second = await createMember(tenant, ['owner'])
    const stepDown = await teamApi(client, second.headers).edit(tenant.owner.id, {
      roles: ['admin'],
    })
    stepDown.assertStatus(200)
    assert.deepEqual(stepDown.body().roles, ['admin'])
    const last = await teamApi(client, second.headers).edit(second.id, {
      roles: ['admin'],
    })
    last.assertStatus(409)
  })

  test('another tenant’s owner can neither see nor change the team', async ({ client, assert }) => {
    const alpha = await createTenant()
    const beta = await createTenant()
    const tech = await createMember(alpha, ['technician'])
    const list = await teamApi(client, beta.headers).list()
    assert.deepEqual(column(list, 'id'), [beta.owner.id])
    const change = await teamApi(client, beta.headers).edit(tech.id, {
      status: 'deactivated',
      fullName: 'Hijacked',
    })
    change.assertStatus(404)
    assert.equal(change.body().code, 'USER_NOT_FOUND')
    const untouched = await platformDb().from('users').where('id', tech.id).first()
    assert.equal(untouched.status, 'active')
    assert.notEqual(untouched.full_name, 'Hijacked')
    ;(await client.get('/api/v1/auth/me').headers(tech.headers)).assertStatus(200)

    const malformed = await teamApi(client, alpha.headers).edit('not-a-uuid', {
      fullName: 'X',
    })
    malformed.assertStatus(404)
  })
})
