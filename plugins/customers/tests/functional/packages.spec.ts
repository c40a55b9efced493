import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember } from '#tests/helpers/tenants'
import { aPackage, crmApi, tenantWithCustomerAndPackage, tenantWithCrm } from '../helpers/crm.js'

const packagesOf = (tenantId: string) =>
  platformDb().from('service_packages').where('tenant_id', tenantId)

test.group('Packages', () => {
  test('a package shows the RADIUS reply and MikroTik profile it maps to', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithCrm()
    const api = crmApi(client, tenant.headers)
    const created = await api.post(
      '/packages',
      aPackage({
        name: 'Voucher Mingguan',
        type: 'prepaid_period',
        periodDays: 7,
        price: 25_000,
        service: 'hotspot_member',
        downloadKbps: 5_000,
        uploadKbps: 1_500,
        burst: {
          downloadKbps: 8_000,
          uploadKbps: 2_000,
          thresholdDownloadKbps: 4_000,
          thresholdUploadKbps: 1_000,
          timeSeconds: 10,
        },
        quotaBytes: 10 * 1024 ** 3,
        profileName: 'mingguan',
        addressPool: 'pool-hs',
      })
    )
    created.assertStatus(201)
    assert.deepInclude(created.body(), { periodDays: 7, quotaBytes: 10 * 1024 ** 3, active: true })
    assert.deepEqual(created.body().mikrotik.reply, {
      'Mikrotik-Rate-Limit': '1500k/5M 2M/8M 1M/4M 10/10',
      'Acct-Interim-Interval': 300,
      'Framed-Pool': 'pool-hs',
      'Mikrotik-Total-Limit': 2147483648,
      'Mikrotik-Total-Limit-Gigawords': 2,
    })
    assert.deepEqual(created.body().mikrotik.mikrotikProfile, {
      'name': 'mingguan',
      'rate-limit': '1500k/5M 2M/8M 1M/4M 10/10',
      'address-pool': 'pool-hs',
    })

    const faster = await api.patch(`/packages/${created.body().id}`, {
      downloadKbps: 6_000,
      burst: null,
    })
    faster.assertStatus(200)
    assert.equal(faster.body().mikrotik.reply['Mikrotik-Rate-Limit'], '1500k/6M')
    const listed = await api.get('/packages', { q: 'minggu' })
    assert.deepEqual(
      listed.body().data.map((p: any) => [p.name, p.downloadKbps]),
      [['Voucher Mingguan', 6_000]]
    )
  })

  test('inconsistent packages are refused field by field', async ({ client, assert }) => {
    const tenant = await tenantWithCrm()
    const api = crmApi(client, tenant.headers)
    const fields = async (body: object) => {
      const response = await api.post('/packages', body)
      response.assertStatus(422)
      return response.body().errors.map((e: any) => e.field)
    }
    assert.deepEqual(await fields(aPackage({ type: 'prepaid_period' })), ['periodDays'])
    assert.deepEqual(await fields(aPackage({ periodDays: 30 })), ['periodDays'])
    assert.includeMembers(await fields(aPackage({ price: -1, downloadKbps: 0 })), [
      'price',
      'downloadKbps',
    ])
    assert.deepEqual(await fields(aPackage({ profileName: 'paket "10"' })), ['profileName'])
    const burst = {
      downloadKbps: 9_000,
      uploadKbps: 3_000,
      thresholdDownloadKbps: 5_000,
      thresholdUploadKbps: 1_000,
      timeSeconds: 8,
    }
    assert.deepEqual(await fields(aPackage({ burst })), ['burst.downloadKbps'])
    ;(await api.post('/packages', aPackage())).assertStatus(201)
    assert.deepEqual(await fields(aPackage({ name: 'PAKET 10m' })), ['name'])
    assert.lengthOf(await packagesOf(tenant.id), 1)
  })

  test('a package in use cannot be deleted, and says by how many', async ({ client, assert }) => {
    const { api, customer, pkg, tenant } = await tenantWithCustomerAndPackage(client)
    for (const username of ['budi-1', 'budi-2', 'budi-3']) {
      await api.post('/subscriptions', { customerId: customer.id, packageId: pkg.id, username })
    }
    const refused = await api.delete(`/packages/${pkg.id}`)
    refused.assertStatus(409)
    assert.equal(refused.body().code, 'PACKAGE_IN_USE')
    assert.include(refused.body().message, '3 subscriptions')
    assert.equal((await api.get(`/packages/${pkg.id}`)).body().subscriptionCount, 3)

    const unused = (await api.post('/packages', aPackage({ name: 'Lama' }))).body()
    ;(await api.delete(`/packages/${unused.id}`)).assertStatus(204)
    assert.lengthOf(await packagesOf(tenant.id), 1)
  })

  test('an inactive package is no longer sold', async ({ client, assert }) => {
    const { api, customer, pkg } = await tenantWithCustomerAndPackage(client)
    await api.patch(`/packages/${pkg.id}`, { active: false })
    const response = await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: pkg.id,
      username: 'budi',
    })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'packageId')
    assert.include(response.body().errors[0].message, 'inactive')
  })

  test('only packages.manage changes the price list', async ({ client, assert }) => {
    const tenant = await tenantWithCrm()
    const technician = await createMember(tenant, ['technician'])
    const response = await crmApi(client, technician.headers).post('/packages', aPackage())
    response.assertStatus(403)
    assert.include(response.body().message, 'packages.manage')
  })
})
