import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { crmApi, tenantWithCustomerAndPackage } from '../helpers/crm.js'

const TABLES = [
  'customers',
  'customer_categories',
  'customer_documents',
  'service_packages',
  'subscriptions',
]

async function snapshot(tenantId: string) {
  const parts: Record<string, string> = {}
  for (const table of TABLES) {
    const rows = await platformDb().from(table).where('tenant_id', tenantId)
    parts[table] = JSON.stringify(rows)
  }
  return parts
}

/**
 * Every route of this plugin (API and panel) asked by another tenant with the
 * ids of a tenant that has a customer, a category, a package, an account and
 * a document: nothing answers below 400 for those ids, nothing reveals them,
 * nothing changes.
 */
test.group('Customers | every route, another tenant', () => {
  test('no route reads, changes or reveals another tenant’s customers', async ({
    client,
    assert,
  }) => {
    const { tenant, api, customer, pkg } = await tenantWithCustomerAndPackage(client)
    const marker = 'Rahasia Pelanggan'
    ;(
      await api.patch(`/customers/${customer.id}`, { name: 'Siti Rahasia', notes: marker })
    ).assertStatus(200)
    ;(await api.post('/customer-categories', { name: 'rt-05', label: marker })).assertStatus(201)
    const account = await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: pkg.id,
      username: 'rahasia.pppoe',
      password: 'sangat-rahasia',
    })
    account.assertStatus(201)
    const document = await client
      .post(`/api/v1/customers/${customer.id}/documents`)
      .headers(tenant.headers)
      .file('file', Buffer.from('%PDF-1.4\nrahasia\n%%EOF\n'), { filename: 'ktp.pdf' })
    document.assertStatus(201)
    const storageKey = (
      await platformDb().from('customer_documents').where('id', document.body().id).first()
    ).storage_key

    const ids = [customer.id, pkg.id, account.body().id, document.body().id]
    const markers = [marker, 'rahasia.pppoe', 'sangat-rahasia', 'Siti Rahasia', 'ktp.pdf']
    const before = await snapshot(tenant.id)

    const attacker = await tenantWithCustomerAndPackage(client)
    const routes = kernel.routes.entries.filter((e) => e.plugin === 'customers')
    assert.isAbove(routes.length, 30)
    const problems: string[] = []
    for (const route of routes) {
      const params = [...route.pattern.matchAll(/:(\w+)/g)].map((m) => m[1])
      // Each id in every parameter, and the customer with each other id (documents).
      const urls = params.length
        ? [
            ...ids.map((id) => route.pattern.replace(/:\w+/g, id)),
            ...ids.map((id) => route.pattern.replace(/:id/, customer.id).replace(/:\w+/g, id)),
          ]
        : [route.pattern]
      for (const url of [...new Set(urls)]) {
        let request = client
          .request(url, route.method as any)
          .headers(attacker.tenant.headers)
          .redirects(0)
        if (['POST', 'PATCH'].includes(route.method))
          request = request.json({
            customerId: customer.id,
            packageId: pkg.id,
            name: 'x',
            status: 'terminated',
          })
        const response = await request
        const body = response.text()
        const leaked = markers.filter((m) => body.includes(m))
        if (leaked.length) problems.push(`${route.method} ${url} → reveals ${leaked.join(', ')}`)
        if (response.status() >= 500) problems.push(`${route.method} ${url} → ${response.status()}`)
        if (params.length && response.status() < 400)
          problems.push(`${route.method} ${url} → ${response.status()}`)
      }
    }
    assert.deepEqual(problems, [])
    assert.deepEqual(await snapshot(tenant.id), before)
    assert.isTrue(await drive.use().exists(storageKey))
    // The attacker's own list holds their own customers, never the other tenant's.
    const theirs = await crmApi(client, attacker.tenant.headers).get('/customers')
    const listed = theirs.body().data.map((c: any) => c.id)
    assert.include(listed, attacker.customer.id)
    assert.notInclude(listed, customer.id)
  }).timeout(120_000)
})
