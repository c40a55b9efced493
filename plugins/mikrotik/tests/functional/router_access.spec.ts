import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember, createTenant } from '#tests/helpers/tenants'
import { visitPage } from '#tests/helpers/inertia'
import { addRouter, API_PASSWORD, routerBody, routerRow } from '../helpers/routers.js'

test.group('MikroTik | limits, roles and tenants', () => {
  test('a basic-plan tenant cannot add a third router', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'], plan: 'basic' })
    await addRouter(client, tenant, 8728)
    await addRouter(client, tenant, 8728)
    const third = await client
      .post('/api/v1/routers')
      .headers(tenant.headers)
      .json(routerBody(8728))
    third.assertStatus(403)
    assert.equal(third.body().code, 'LIMIT_REACHED')
    assert.include(third.body().message, '2')
    const rows = await platformDb().from('mikrotik_routers').where('tenant_id', tenant.id)
    assert.lengthOf(rows, 2)
  })

  test('a technician reads and edits routers but cannot remove them', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, tenant, 8728)
    const technician = await createMember(tenant, ['technician'])
    ;(await client.get('/api/v1/routers').headers(technician.headers)).assertStatus(200)
    const edit = await client
      .patch(`/api/v1/routers/${router.id}`)
      .headers(technician.headers)
      .json({ notes: 'dicek teknisi' })
    edit.assertStatus(200)
    const removal = await client.delete(`/api/v1/routers/${router.id}`).headers(technician.headers)
    removal.assertStatus(403)
    assert.equal(removal.body().code, 'PERMISSION_DENIED')
    assert.include(removal.body().message, 'router.delete')
    assert.exists(await routerRow(router.id))

    const hr = await createMember(tenant, ['hr'])
    const denied = await client.get('/api/v1/routers').headers(hr.headers)
    denied.assertStatus(403)
    assert.include(denied.body().message, 'router.read')
  })

  test('another tenant gets 404 for a router, and changes nothing', async ({ client, assert }) => {
    const owner = await createTenant({ plugins: ['mikrotik'] })
    const router = await addRouter(client, owner, 8728, { name: 'Milik Owner' })
    const other = await createTenant({ plugins: ['mikrotik'] })
    const base = `/api/v1/routers/${router.id}`
    const attempts = [
      client.get(base),
      client.patch(base).json({ name: 'Dibajak' }),
      client.delete(base),
      client.post(`${base}/test-connection`),
      client.get(`${base}/sessions`),
      client.get(`${base}/users`),
      client.get(`${base}/dhcp-leases`),
      client.post(`${base}/sessions/*1/disconnect?type=hotspot`),
    ]
    for (const request of attempts) {
      const response = await request.headers(other.headers)
      assert.equal(response.status(), 404, response.text())
      assert.equal(response.body().code, 'ROUTER_NOT_FOUND')
    }
    const list = await client.get('/api/v1/routers').headers(other.headers)
    assert.lengthOf(list.body().data, 0)
    const row = await routerRow(router.id)
    assert.equal(row.name, 'Milik Owner')
    assert.equal(row.status, 'unknown')
  })

  test('a malformed id is a 404, not an error', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const response = await client.get('/api/v1/routers/not-a-uuid').headers(tenant.headers)
    response.assertStatus(404)
    assert.equal(response.body().code, 'ROUTER_NOT_FOUND')
  })

  test('without the plugin enabled, the routes answer PLUGIN_DISABLED', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const response = await client.get('/api/v1/routers').headers(tenant.headers)
    response.assertStatus(403)
    assert.equal(response.body().code, 'PLUGIN_DISABLED')
  })
})

test.group('MikroTik | routers page in the panel', () => {
  test('the page lists the routers with their status, never a password', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    await addRouter(client, tenant, 8728, { name: 'Tower Utara' })
    await addRouter(client, tenant, 8728, { name: 'Tower Selatan' })
    const technician = await createMember(tenant, ['technician'])
    const response = await visitPage(client, '/mikrotik/routers?q=utara', technician.headers)
    response.assertStatus(200)
    assert.equal(response.body().component, 'mikrotik/routers')
    assert.deepEqual(
      response.body().props.routers.data.map((r: any) => [r.name, r.status]),
      [['Tower Utara', 'unknown']]
    )
    assert.deepEqual(response.body().props.filters, { q: 'utara', status: '', page: 1 })
    assert.include(
      response.body().props.navigation.map((n: any) => n.href),
      '/mikrotik/routers'
    )
    assert.notInclude(response.text(), API_PASSWORD)
  })

  test('a role without router.read is refused the page', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['mikrotik'] })
    const hr = await createMember(tenant, ['hr'])
    const response = await visitPage(client, '/mikrotik/routers', hr.headers)
    response.assertStatus(403)
  })
})
