import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember } from '#tests/helpers/tenants'
import { crmApi, tenantWithCustomerAndPackage } from '../helpers/crm.js'

test.group('Customers | activity and termination', () => {
  test("a customer's activity names who changed what, accounts included", async ({
    client,
    assert,
  }) => {
    const { tenant, api, customer, pkg } = await tenantWithCustomerAndPackage(client)
    const admin = await createMember(tenant, ['admin'])
    const adminApi = crmApi(client, admin.headers)
    ;(await adminApi.patch(`/customers/${customer.id}`, { address: 'Jl. Melati 5' })).assertStatus(
      200
    )
    const account = await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: pkg.id,
      username: 'budi.pppoe',
    })
    account.assertStatus(201)
    ;(
      await adminApi.patch(`/subscriptions/${account.body().id}`, {
        macAddress: 'aa-bb-cc-dd-ee-ff',
      })
    ).assertStatus(200)
    ;(await api.delete(`/subscriptions/${account.body().id}`)).assertStatus(204)

    // Someone else's customer in the same tenant does not show up here.
    ;(await api.post('/customers', { name: 'Orang Lain' })).assertStatus(201)

    const activity = await api.get(`/customers/${customer.id}/activity`)
    activity.assertStatus(200)
    const entries = activity.body().data.map((e: any) => [e.action, e.actorName])
    assert.deepEqual(entries, [
      ['subscription.deleted', `Owner of ${tenant.slug}`],
      ['subscription.updated', admin.email],
      ['subscription.created', `Owner of ${tenant.slug}`],
      ['customer.updated', admin.email],
      ['customer.created', `Owner of ${tenant.slug}`],
    ])
    assert.deepEqual(activity.body().data[3].after, { address: 'Jl. Melati 5' })
    assert.deepEqual(activity.body().data[1].after, { macAddress: 'AA:BB:CC:DD:EE:FF' })

    const paged = await api.get(`/customers/${customer.id}/activity`, { perPage: 2, page: 3 })
    assert.deepEqual(paged.body().meta, { total: 5, page: 3, perPage: 2, lastPage: 3 })
  })

  test('terminating asks for the accounts first, or takes them along when told to', async ({
    client,
    assert,
  }) => {
    const { tenant, api, customer, pkg } = await tenantWithCustomerAndPackage(client)
    for (const username of ['budi.pppoe', 'budi.kedua']) {
      ;(
        await api.post('/subscriptions', { customerId: customer.id, packageId: pkg.id, username })
      ).assertStatus(201)
    }
    const refused = await api.delete(`/customers/${customer.id}`)
    refused.assertStatus(409)
    assert.equal(refused.body().code, 'CUSTOMER_HAS_SUBSCRIPTIONS')
    assert.include(refused.body().message, '2 subscriptions')

    const terminated = await api.delete(`/customers/${customer.id}?withSubscriptions=true`)
    terminated.assertStatus(200)
    assert.equal(terminated.body().status, 'terminated')
    const statuses = await platformDb()
      .from('subscriptions')
      .where('tenant_id', tenant.id)
      .select('status')
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['terminated', 'terminated']
    )
    const audited = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'subscription.updated' })
    assert.lengthOf(audited, 2)
  })

  test('another tenant sees no activity of the customer', async ({ client }) => {
    const { customer } = await tenantWithCustomerAndPackage(client)
    const other = await tenantWithCustomerAndPackage(client)
    ;(await other.api.get(`/customers/${customer.id}/activity`)).assertStatus(404)
    ;(await other.api.delete(`/customers/${customer.id}?withSubscriptions=true`)).assertStatus(404)
  })
})
