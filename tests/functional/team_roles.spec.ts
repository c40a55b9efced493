import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember, createTenant, type TestTenant } from '#tests/helpers/tenants'
import type { ApiClient } from '@japa/api-client'

async function roleBySlug(client: ApiClient, tenant: TestTenant, slug: string) {
  const roles = (await client.get('/api/v1/roles').headers(tenant.headers)).body().data
  return roles.find((r: any) => r.slug === slug)
}

const rolesOf = (tenantId: string) => platformDb().from('roles').where('tenant_id', tenantId)

test.group('Team | roles', () => {
  test('the basic plan has no custom roles and says to upgrade', async ({ client, assert }) => {
    const tenant = await createTenant({ plan: 'basic' })
    const before = (await rolesOf(tenant.id)).length
    const create = await client
      .post('/api/v1/roles')
      .headers(tenant.headers)
      .json({ name: 'Kasir', permissions: ['users.read'] })
    create.assertStatus(403)
    assert.equal(create.body().code, 'FEATURE_NOT_IN_PLAN')
    assert.include(create.body().message, 'Upgrade')

    const hr = await roleBySlug(client, tenant, 'hr')
    const edit = await client
      .patch(`/api/v1/roles/${hr.id}`)
      .headers(tenant.headers)
      .json({ permissions: ['users.*'] })
    edit.assertStatus(403)
    assert.equal(edit.body().code, 'FEATURE_NOT_IN_PLAN')
    assert.lengthOf(await rolesOf(tenant.id), before)
    assert.deepEqual((await roleBySlug(client, tenant, 'hr')).permissions, hr.permissions)
  })

  test('the pro plan creates a custom role with a slug from its name', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plan: 'pro' })
    const create = await client
      .post('/api/v1/roles')
      .headers(tenant.headers)
      .json({ name: 'Kasir Loket', permissions: ['users.read', 'fixture.*'] })
    create.assertStatus(201)
    assert.deepInclude(create.body(), {
      slug: 'kasir-loket',
      name: 'Kasir Loket',
      isSystem: false,
      permissions: ['users.read', 'fixture.*'],
    })
    const roles = (await client.get('/api/v1/roles').headers(tenant.headers)).body().data
    assert.deepInclude(
      roles.map((r: any) => [r.slug, r.memberCount]),
      ['owner', 1]
    )
    assert.deepInclude(
      roles.map((r: any) => [r.slug, r.memberCount]),
      ['kasir-loket', 0]
    )
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'role.created' })
      .first()
    assert.equal(audit.actor, `user:${tenant.owner.id}`)
    assert.equal(audit.after.slug, 'kasir-loket')

    const again = await client
      .post('/api/v1/roles')
      .headers(tenant.headers)
      .json({ name: 'Kasir Loket', permissions: ['users.read'] })
    again.assertStatus(422)
    assert.equal(again.body().errors[0].field, 'slug')
    const reserved = await client
      .post('/api/v1/roles')
      .headers(tenant.headers)
      .json({ name: 'Boss', slug: 'owner', permissions: ['users.read'] })
    reserved.assertStatus(422)
  })

  test('an unknown permission is refused by name', async ({ client, assert }) => {
    const tenant = await createTenant()
    for (const bad of ['users.fly', 'biling.*', '*']) {
      const response = await client
        .post('/api/v1/roles')
        .headers(tenant.headers)
        .json({ name: 'Coba', permissions: ['users.read', bad] })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, 'permissions')
      assert.include(response.body().errors[0].message, bad)
    }
    assert.notExists(await roleBySlug(client, tenant, 'coba'))
  })

  test('a custom role really grants its permissions, and loses them when edited', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const role = (
      await client
        .post('/api/v1/roles')
        .headers(tenant.headers)
        .json({ name: 'Auditor', permissions: ['audit.read'] })
    ).body()
    const auditor = await createMember(tenant, ['auditor'])
    const technician = await createMember(tenant, ['technician'])
    ;(await client.get('/api/v1/audit-logs').headers(auditor.headers)).assertStatus(200)
    ;(await client.get('/api/v1/audit-logs').headers(technician.headers)).assertStatus(403)

    const edit = await client
      .patch(`/api/v1/roles/${role.id}`)
      .headers(tenant.headers)
      .json({ permissions: ['users.read'] })
    edit.assertStatus(200)
    assert.deepEqual(edit.body().permissions, ['users.read'])
    ;(await client.get('/api/v1/audit-logs').headers(auditor.headers)).assertStatus(403)
    ;(await client.get('/api/v1/users').headers(auditor.headers)).assertStatus(200)
  })

  test('built-in roles keep their name, and the owner keeps every permission', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const owner = await roleBySlug(client, tenant, 'owner')
    const hr = await roleBySlug(client, tenant, 'hr')
    const rename = await client
      .patch(`/api/v1/roles/${hr.id}`)
      .headers(tenant.headers)
      .json({ name: 'People' })
    rename.assertStatus(409)
    assert.equal(rename.body().code, 'SYSTEM_ROLE_LOCKED')
    const strip = await client
      .patch(`/api/v1/roles/${owner.id}`)
      .headers(tenant.headers)
      .json({ permissions: ['users.read'] })
    strip.assertStatus(409)
    assert.equal(strip.body().code, 'OWNER_ROLE_LOCKED')

    // A built-in role's permissions are the tenant's to choose.
    const member = await createMember(tenant, ['hr'])
    ;(await client.get('/api/v1/audit-logs').headers(member.headers)).assertStatus(403)
    const widen = await client
      .patch(`/api/v1/roles/${hr.id}`)
      .headers(tenant.headers)
      .json({ permissions: [...hr.permissions, 'audit.read'] })
    widen.assertStatus(200)
    ;(await client.get('/api/v1/audit-logs').headers(member.headers)).assertStatus(200)
    assert.equal((await roleBySlug(client, tenant, 'hr')).name, 'HR')
  })

  test('a role is deleted only when it is custom and nobody holds it', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const role = (
      await client
        .post('/api/v1/roles')
        .headers(tenant.headers)
        .json({ name: 'Kasir', permissions: ['users.read'] })
    ).body()
    const first = await createMember(tenant, ['kasir'])
    const second = await createMember(tenant, ['kasir'])
    const inUse = await client.delete(`/api/v1/roles/${role.id}`).headers(tenant.headers)
    inUse.assertStatus(409)
    assert.equal(inUse.body().code, 'ROLE_IN_USE')
    assert.include(inUse.body().message, '2 users')

    for (const member of [first, second]) {
      await client
        .patch(`/api/v1/users/${member.id}`)
        .headers(tenant.headers)
        .json({ roles: ['technician'] })
    }
    ;(await client.delete(`/api/v1/roles/${role.id}`).headers(tenant.headers)).assertStatus(204)
    assert.notExists(await roleBySlug(client, tenant, 'kasir'))
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'role.deleted', subject_id: role.id })
      .first()
    assert.equal(audit.before.slug, 'kasir')

    const admin = await roleBySlug(client, tenant, 'admin')
    const system = await client.delete(`/api/v1/roles/${admin.id}`).headers(tenant.headers)
    system.assertStatus(409)
    assert.equal(system.body().code, 'SYSTEM_ROLE_LOCKED')
  })

  test('another tenant’s owner can neither see nor change the roles', async ({
    client,
    assert,
  }) => {
    const alpha = await createTenant()
    const beta = await createTenant()
    const role = (
      await client
        .post('/api/v1/roles')
        .headers(alpha.headers)
        .json({ name: 'Kasir', permissions: ['users.read'] })
    ).body()
    const betaRoles = (await client.get('/api/v1/roles').headers(beta.headers)).body().data
    assert.notInclude(
      betaRoles.map((r: any) => r.id),
      role.id
    )
    const edit = await client
      .patch(`/api/v1/roles/${role.id}`)
      .headers(beta.headers)
      .json({ permissions: ['audit.read'] })
    edit.assertStatus(404)
    ;(await client.delete(`/api/v1/roles/${role.id}`).headers(beta.headers)).assertStatus(404)
    const kept = await platformDb().from('roles').where('id', role.id).first()
    assert.deepEqual(kept.permissions, ['users.read'])
  })

  test('the permission catalog lists core and module permissions by area', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const hr = await createMember(tenant, ['hr'])
    const response = await client.get('/api/v1/permissions').headers(hr.headers)
    response.assertStatus(200)
    const groups = response.body().data
    const users = groups.find((g: any) => g.area === 'users')
    assert.deepInclude(users.permissions, {
      name: 'users.manage',
      description: 'Invite, edit and deactivate team members',
      source: 'core',
    })
    const fixture = groups.find((g: any) => g.area === 'fixture')
    assert.deepInclude(
      fixture.permissions.map((p: any) => [p.name, p.source]),
      ['fixture.write', 'fixture-base']
    )
    const technician = await createMember(tenant, ['technician'])
    ;(await client.get('/api/v1/permissions').headers(technician.headers)).assertStatus(403)
  })
})
