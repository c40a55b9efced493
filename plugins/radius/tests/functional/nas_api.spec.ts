import { test } from '@japa/runner'
import { createMember, createTenant } from '#tests/helpers/tenants'

test.group('RADIUS | NAS list, sessions and login log API', () => {
  test('a NAS is registered by address, once platform-wide, and can be removed', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const other = await createTenant({ plugins: ['radius'] })
    const created = await client
      .post('/api/v1/radius/nas')
      .headers(tenant.headers)
      .json({ name: 'rtr-1', ipAddress: '10.77.0.1', secret: 'nas-secret-1' })
    created.assertStatus(201)

    const taken = await client
      .post('/api/v1/radius/nas')
      .headers(other.headers)
      .json({ name: 'mine', ipAddress: '10.77.0.1', secret: 'nas-secret-2' })
    taken.assertStatus(422)
    assert.equal(taken.body().errors[0].field, 'ipAddress')

    const bad = await client
      .post('/api/v1/radius/nas')
      .headers(tenant.headers)
      .json({ name: '', ipAddress: 'not-an-ip', secret: 'x' })
    bad.assertStatus(422)
    assert.sameMembers(
      bad.body().errors.map((e: any) => e.field),
      ['name', 'ipAddress', 'secret']
    )

    const list = await client.get('/api/v1/radius/nas').headers(tenant.headers)
    assert.deepEqual(
      list.body().data.map((n: any) => n.ipAddress),
      ['10.77.0.1']
    )
    assert.deepEqual(
      (await client.get('/api/v1/radius/nas').headers(other.headers)).body().data,
      []
    )

    ;(
      await client.delete(`/api/v1/radius/nas/${created.body().id}`).headers(other.headers)
    ).assertStatus(404)
    ;(
      await client.delete(`/api/v1/radius/nas/${created.body().id}`).headers(tenant.headers)
    ).assertStatus(204)
  })

  test('a technician reads RADIUS data but cannot change the NAS list', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const tech = await createMember(tenant, ['technician'])
    ;(await client.get('/api/v1/radius/sessions').headers(tech.headers)).assertStatus(200)
    ;(await client.get('/api/v1/radius/auth-log').headers(tech.headers)).assertStatus(200)
    const refused = await client
      .post('/api/v1/radius/nas')
      .headers(tech.headers)
      .json({ name: 'x', ipAddress: '10.78.0.1', secret: 'nas-secret-3' })
    refused.assertStatus(403)
    refused.assertBodyContains({ code: 'PERMISSION_DENIED' })
  })
})

test.group('RADIUS | configuration for FreeRADIUS', () => {
  test('radius:config writes a configuration FreeRADIUS accepts, with each NAS as a client', async ({
    client,
    assert,
  }) => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const app = (await import('@adonisjs/core/services/app')).default
    const { checkFreeradiusConfig } = await import('../../freeradius/freeradius_process.js')
    const tenant = await createTenant({ plugins: ['radius'] })
    ;(
      await client
        .post('/api/v1/radius/nas')
        .headers(tenant.headers)
        .json({ name: 'rtr-cfg', ipAddress: '10.79.0.1', secret: 'cfg-secret-99' })
    ).assertStatus(201)
    const output = await mkdtemp(join(tmpdir(), 'radius-config-'))
    try {
      const ace = await app.container.make('ace')
      const command = await ace.exec('radius:config', [
        '--output',
        output,
        '--auth-port',
        '21812',
        '--acct-port',
        '21813',
      ])
      assert.equal(command.exitCode, 0)
      const clients = await readFile(join(output, 'clients.conf'), 'utf8')
      assert.include(clients, '10.79.0.1')
      assert.include(clients, 'cfg-secret-99')
      await checkFreeradiusConfig(output)
    } finally {
      await rm(output, { recursive: true, force: true })
    }
  }).timeout(30_000)
})

test.group('RADIUS | settings', () => {
  test('the isolated-subscriber behaviour is set per account and validated', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    assert.deepEqual((await client.get('/api/v1/radius/settings').headers(tenant.headers)).body(), {
      isolatedBehaviour: 'reject',
    })
    const bad = await client
      .put('/api/v1/radius/settings')
      .headers(tenant.headers)
      .json({ isolatedBehaviour: 'maybe' })
    bad.assertStatus(422)
    ;(
      await client
        .put('/api/v1/radius/settings')
        .headers(tenant.headers)
        .json({ isolatedBehaviour: 'isolir' })
    ).assertStatus(200)
    assert.deepEqual((await client.get('/api/v1/radius/settings').headers(tenant.headers)).body(), {
      isolatedBehaviour: 'isolir',
    })
    const other = await createTenant({ plugins: ['radius'] })
    assert.deepEqual((await client.get('/api/v1/radius/settings').headers(other.headers)).body(), {
      isolatedBehaviour: 'reject',
    })
  })
})
