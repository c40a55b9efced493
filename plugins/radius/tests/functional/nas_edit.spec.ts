import { test } from '@japa/runner'
import encryption from '@adonisjs/core/services/encryption'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'

const ROUTER_ID = '0b9a4f9e-5d0c-4a55-9a1e-3f1f0f3c2a11'

test.group('RADIUS | NAS CoA port, linked router and editing', () => {
  test('a NAS keeps its secret when edited without one, and never shows it', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const created = await client
      .post('/api/v1/radius/nas')
      .headers(tenant.headers)
      .json({ name: 'rtr-barat', ipAddress: '10.81.0.1', secret: 'rahasia-nas-9', coaPort: null })
    created.assertStatus(201)
    const id = created.body().id

    const edited = await client
      .patch(`/api/v1/radius/nas/${id}`)
      .headers(tenant.headers)
      .json({ name: 'rtr-barat-2', coaPort: 3799, routerId: ROUTER_ID })
    edited.assertStatus(204)

    const list = await client.get('/api/v1/radius/nas').headers(tenant.headers)
    assert.deepEqual(list.body().data, [
      {
        id,
        name: 'rtr-barat-2',
        ipAddress: '10.81.0.1',
        nasIdentifier: null,
        hasSecret: true,
        coaPort: 3799,
        routerId: ROUTER_ID,
        openSessions: 0,
        createdAt: list.body().data[0].createdAt,
      },
    ])
    assert.notInclude(list.text(), 'rahasia-nas-9')
    const row = await platformDb().from('radius_nas').where('id', id).first()
    assert.equal(encryption.decrypt(row.secret_encrypted), 'rahasia-nas-9')

    const rotated = await client
      .patch(`/api/v1/radius/nas/${id}`)
      .headers(tenant.headers)
      .json({ secret: 'rahasia-baru-10' })
    rotated.assertStatus(204)
    const after = await platformDb().from('radius_nas').where('id', id).first()
    assert.equal(encryption.decrypt(after.secret_encrypted), 'rahasia-baru-10')

    const audits = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'radius.nas_updated' })
      .orderBy('id')
    assert.lengthOf(audits, 2)
    assert.equal(audits[1].after.secret, 'changed')
    assert.notInclude(JSON.stringify(audits), 'rahasia')
  })

  test('bad or taken values are refused by field and change nothing; other accounts see no NAS', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const first = await client
      .post('/api/v1/radius/nas')
      .headers(tenant.headers)
      .json({ name: 'rtr-a', ipAddress: '10.82.0.1', secret: 'rahasia-nas-9' })
    await client
      .post('/api/v1/radius/nas')
      .headers(tenant.headers)
      .json({ name: 'rtr-b', ipAddress: '10.82.0.2', secret: 'rahasia-nas-9' })
    const id = first.body().id

    const bad = await client
      .patch(`/api/v1/radius/nas/${id}`)
      .headers(tenant.headers)
      .json({ coaPort: 70000, routerId: 'router-1', secret: 'short' })
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((e: any) => e.field),
      ['coaPort', 'routerId', 'secret']
    )
    const taken = await client
      .patch(`/api/v1/radius/nas/${id}`)
      .headers(tenant.headers)
      .json({ ipAddress: '10.82.0.2' })
    taken.assertStatus(422)
    assert.equal(taken.body().errors[0].field, 'ipAddress')
    const named = await client
      .patch(`/api/v1/radius/nas/${id}`)
      .headers(tenant.headers)
      .json({ name: 'rtr-b' })
    named.assertStatus(422)
    assert.equal(named.body().errors[0].field, 'name')
    // Its own address again is not "taken".
    ;(
      await client
        .patch(`/api/v1/radius/nas/${id}`)
        .headers(tenant.headers)
        .json({ ipAddress: '10.82.0.1' })
    ).assertStatus(204)

    const row = await platformDb().from('radius_nas').where('id', id).first()
    assert.equal(row.name, 'rtr-a')
    assert.equal(row.coa_port, 3799)

    const other = await createTenant({ plugins: ['radius'] })
    ;(
      await client.patch(`/api/v1/radius/nas/${id}`).headers(other.headers).json({ name: 'stolen' })
    ).assertStatus(404)
    ;(
      await client.patch('/api/v1/radius/nas/not-a-uuid').headers(tenant.headers).json({})
    ).assertStatus(404)
  })
})
