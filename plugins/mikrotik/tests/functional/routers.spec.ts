import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'
import { API_PASSWORD, addRouter, routerBody, routerRow } from '../helpers/routers.js'

test.group('MikroTik | routers CRUD', () => {
  test('a router is added, listed, shown, edited and removed', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const created = await client
      .post('/api/v1/routers')
      .headers(tenant.headers)
      .json(routerBody(8728, { name: 'Core Jakarta', host: 'core.rtrw.net.id', notes: 'rak 1' }))
    created.assertStatus(201)
    const router = created.body()
    assert.containsSubset(router, {
      name: 'Core Jakarta',
      host: 'core.rtrw.net.id',
      port: 8728,
      tls: false,
      apiUser: 'admin',
      syncIntervalSeconds: 300,
      notes: 'rak 1',
      status: 'unknown',
    })

    const list = await client.get('/api/v1/routers').headers(tenant.headers)
    list.assertStatus(200)
    assert.deepEqual(
      list.body().data.map((r: any) => r.name),
      ['Core Jakarta']
    )
    assert.equal(list.body().meta.total, 1)

    const shown = await client.get(`/api/v1/routers/${router.id}`).headers(tenant.headers)
    assert.equal(shown.body().host, 'core.rtrw.net.id')

    const edited = await client
      .patch(`/api/v1/routers/${router.id}`)
      .headers(tenant.headers)
      .json({ name: 'Core Bekasi', syncIntervalSeconds: 600 })
    edited.assertStatus(200)
    assert.containsSubset(edited.body(), { name: 'Core Bekasi', syncIntervalSeconds: 600 })

    const removed = await client.delete(`/api/v1/routers/${router.id}`).headers(tenant.headers)
    removed.assertStatus(204)
    ;(await client.get(`/api/v1/routers/${router.id}`).headers(tenant.headers)).assertStatus(404)
    assert.notExists(await routerRow(router.id))

    const actions = await platformDb()
      .from('audit_logs')
      .where('tenant_id', tenant.id)
      .whereLike('action', 'mikrotik.%')
      .orderBy('id')
      .select('action', 'actor')
    assert.deepEqual(
      actions.map((a) => a.action),
      ['mikrotik.router_created', 'mikrotik.router_updated', 'mikrotik.router_deleted']
    )
    assert.equal(actions[0].actor, `user:${tenant.owner.id}`)
  })

  test('with tls and no port, the API-SSL port 8729 is used', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const body = routerBody(0, { tls: true })
    delete (body as any).port
    const response = await client.post('/api/v1/routers').headers(tenant.headers).json(body)
    response.assertStatus(201)
    assert.equal(response.body().port, 8729)
  })

  test('the API password is never returned and is stored encrypted', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const created = await client
      .post('/api/v1/routers')
      .headers(tenant.headers)
      .json(routerBody(8728))
    const shown = await client.get(`/api/v1/routers/${created.body().id}`).headers(tenant.headers)
    const list = await client.get('/api/v1/routers').headers(tenant.headers)
    for (const response of [created, shown, list]) {
      assert.notInclude(response.text(), API_PASSWORD)
      assert.notInclude(response.text().toLowerCase(), 'password')
    }
    const row = await routerRow(created.body().id)
    assert.isString(row.api_password_encrypted)
    assert.notInclude(row.api_password_encrypted, API_PASSWORD)
    assert.notInclude(Buffer.from(row.api_password_encrypted, 'base64').toString(), API_PASSWORD)
  })

  test('editing without a password keeps it; sending one replaces it', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, 8728)
    const original = (await routerRow(router.id)).api_password_encrypted
    await client
      .patch(`/api/v1/routers/${router.id}`)
      .headers(tenant.headers)
      .json({ notes: 'ganti catatan' })
    assert.equal((await routerRow(router.id)).api_password_encrypted, original)

    const replaced = await client
      .patch(`/api/v1/routers/${router.id}`)
      .headers(tenant.headers)
      .json({ apiPassword: 'kata-sandi-baru' })
    replaced.assertStatus(200)
    assert.notInclude(replaced.text(), 'kata-sandi-baru')
    assert.notEqual((await routerRow(router.id)).api_password_encrypted, original)
  })
})

test.group('MikroTik | router validation', () => {
  test('invalid fields are refused one by one, and nothing is stored', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const response = await client
      .post('/api/v1/routers')
      .headers(tenant.headers)
      .json({
        name: '',
        host: '999.1.1.1',
        port: 70000,
        apiUser: 'admin',
        apiPassword: 'x'.repeat(129),
        syncIntervalSeconds: 5,
        notes: 'n'.repeat(1001),
      })
    response.assertStatus(422)
    assert.equal(response.body().code, 'VALIDATION_FAILED')
    const fields = response
      .body()
      .errors.map((e: any) => e.field)
      .sort()
    assert.deepEqual(fields, [
      'apiPassword',
      'host',
      'name',
      'notes',
      'port',
      'syncIntervalSeconds',
    ])
    const count = await platformDb().from('mikrotik_routers').where('tenant_id', tenant.id)
    assert.lengthOf(count, 0)
  })

  test('missing or unusable credentials are refused on their fields', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const missing = await client
      .post('/api/v1/routers')
      .headers(tenant.headers)
      .json({ name: 'Core', host: '10.0.0.1' })
    missing.assertStatus(422)
    assert.sameMembers(
      missing.body().errors.map((e: any) => e.field),
      ['apiUser', 'apiPassword']
    )
    const unusable = await client
      .post('/api/v1/routers')
      .headers(tenant.headers)
      .json(routerBody(8728, { apiUser: 'adm\u0007in', apiPassword: '', port: 'api' }))
    unusable.assertStatus(422)
    assert.sameMembers(
      unusable.body().errors.map((e: any) => e.field),
      ['apiUser', 'apiPassword', 'port']
    )
    for (const error of unusable.body().errors) assert.isAbove(error.message.length, 10)
  })

  test('IPv4, IPv6 and host names are accepted as host; junk is not', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    for (const host of ['10.10.0.1', '2001:db8::1', 'rb-4011.kantor.example.id']) {
      const response = await client
        .post('/api/v1/routers')
        .headers(tenant.headers)
        .json(routerBody(8728, { host }))
      assert.equal(response.status(), 201, `${host} is a valid host`)
    }
    for (const host of ['http://10.0.0.1', 'router one', '-bad-.example', '[::1]']) {
      const response = await client
        .post('/api/v1/routers')
        .headers(tenant.headers)
        .json(routerBody(8728, { host }))
      assert.equal(response.status(), 422, `${host} is refused`)
      assert.equal(response.body().errors[0].field, 'host')
    }
  })

  test('a duplicate name is refused on the name field, whatever its case', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    await addRouter(client, tenant, 8728, { name: 'Core-1' })
    const other = await addRouter(client, tenant, 8728, { name: 'Edge-1' })
    const duplicate = await client
      .post('/api/v1/routers')
      .headers(tenant.headers)
      .json(routerBody(8728, { name: 'core-1' }))
    duplicate.assertStatus(422)
    assert.deepEqual(
      duplicate.body().errors.map((e: any) => [e.field, e.rule]),
      [['name', 'unique']]
    )
    const renamed = await client
      .patch(`/api/v1/routers/${other.id}`)
      .headers(tenant.headers)
      .json({ name: 'CORE-1' })
    renamed.assertStatus(422)
    assert.equal(renamed.body().errors[0].field, 'name')

    // Another tenant may use the same name.
    const neighbour = await createTenant({ plugins: ['mikrotik'] })
    await addRouter(client, neighbour, 8728, { name: 'Core-1' })
  })

  test('an empty edit is refused with a clear message', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, 8728)
    const response = await client
      .patch(`/api/v1/routers/${router.id}`)
      .headers(tenant.headers)
      .json({})
    response.assertStatus(422)
    assert.include(response.body().errors[0].message, 'Send at least one of')
  })

  test('list: search by name or host, filter by status, paginate', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    await addRouter(client, tenant, 8728, { name: 'Alpha', host: '10.1.0.1' })
    await addRouter(client, tenant, 8728, { name: 'Bravo', host: 'bravo.example.id' })
    await addRouter(client, tenant, 8728, { name: 'Charlie', host: '10.3.0.1' })
    await platformDb()
      .from('mikrotik_routers')
      .where({ tenant_id: tenant.id, name: 'Charlie' })
      .update({ status: 'online' })

    const search = await client.get('/api/v1/routers?q=bravo.example').headers(tenant.headers)
    assert.deepEqual(
      search.body().data.map((r: any) => r.name),
      ['Bravo']
    )
    const online = await client.get('/api/v1/routers?status=online').headers(tenant.headers)
    assert.deepEqual(
      online.body().data.map((r: any) => r.name),
      ['Charlie']
    )
    const page2 = await client.get('/api/v1/routers?page=2&perPage=2').headers(tenant.headers)
    assert.deepEqual(
      page2.body().data.map((r: any) => r.name),
      ['Charlie']
    )
    assert.deepEqual(page2.body().meta, { total: 3, page: 2, perPage: 2, lastPage: 2 })
    const bad = await client.get('/api/v1/routers?status=broken').headers(tenant.headers)
    bad.assertStatus(422)
  })
})
