import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember } from '#tests/helpers/tenants'
import { aPackage, crmApi, tenantWithCrm } from '../helpers/crm.js'

const customersOf = (tenantId: string) =>
  platformDb().from('customers').where('tenant_id', tenantId)

test.group('Customers | records', () => {
  test('a customer is created, shown, edited and listed', async ({ client, assert }) => {
    const tenant = await tenantWithCrm()
    const api = crmApi(client, tenant.headers)
    const created = await api.post('/customers', {
      name: 'Siti Aminah',
      phone: '0812-3456-7890',
      email: 'Siti@Example.ID',
      address: 'Jl. Melati 5, RT 02/RW 05',
      identityNumber: '3201234567890001',
      notes: 'Rumah pagar hijau',
    })
    created.assertStatus(201)
    assert.deepInclude(created.body(), {
      name: 'Siti Aminah',
      phone: '+6281234567890',
      email: 'siti@example.id',
      category: 'regular',
      status: 'active',
      createdBy: tenant.owner.id,
    })
    const id = created.body().id

    const edited = await api.patch(`/customers/${id}`, { category: 'member', notes: null })
    edited.assertStatus(200)
    assert.deepInclude(edited.body(), { category: 'member', notes: null })
    const shown = await api.get(`/customers/${id}`)
    assert.deepInclude(shown.body(), { name: 'Siti Aminah', category: 'member', subscriptions: [] })

    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'customer.updated', subject_id: id })
      .first()
    assert.deepEqual(audit.after, { category: 'member', notes: null })
  })

  test('phones typed the Indonesian ways become +62; others are refused on phone', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithCrm()
    const api = crmApi(client, tenant.headers)
    const typed = ['08123456789', '628123456789', '+62 812-3456-789', '(0812) 3456 789']
    for (const phone of typed) {
      const response = await api.post('/customers', { name: `P ${phone}`, phone })
      response.assertStatus(201)
      assert.equal(response.body().phone, '+628123456789', phone)
    }
    for (const phone of ['12345', '0812', '+62 999', 'not a phone', '0812345678901234567']) {
      const response = await api.post('/customers', { name: 'Bad phone', phone })
      response.assertStatus(422)
      assert.deepEqual(
        response.body().errors.map((e: any) => e.field),
        ['phone'],
        phone
      )
    }
    assert.lengthOf(await customersOf(tenant.id), typed.length)
  })

  test('bad input, unknown categories and reused identity numbers change nothing', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithCrm()
    const api = crmApi(client, tenant.headers)
    const invalid = await api.post('/customers', { name: '', email: 'nope', identityNumber: '!' })
    invalid.assertStatus(422)
    assert.includeMembers(
      invalid.body().errors.map((e: any) => e.field),
      ['name', 'email', 'identityNumber']
    )
    const category = await api.post('/customers', { name: 'Agus', category: 'vip' })
    category.assertStatus(422)
    assert.include(category.body().errors[0].message, 'regular, hotspot, member')
    ;(await api.post('/customer-categories', { name: 'vip', label: 'VIP' })).assertStatus(201)
    ;(await api.post('/customers', { name: 'Agus', category: 'vip' })).assertStatus(201)

    const ktp = { name: 'Dewi', identityNumber: '3201000000000001' }
    ;(await api.post('/customers', ktp)).assertStatus(201)
    const twice = await api.post('/customers', { ...ktp, name: 'Dewi Lagi' })
    twice.assertStatus(422)
    assert.equal(twice.body().errors[0].field, 'identityNumber')
    assert.lengthOf(await customersOf(tenant.id), 2)
  })

  test('the list pages, searches by name, phone, email and username, and filters', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithCrm()
    const api = crmApi(client, tenant.headers)
    const ids: Record<string, string> = {}
    for (const [name, phone, email] of [
      ['Agus Salim', '081111111111', 'agus@mail.test'],
      ['Budi Hartono', '082222222222', null],
      ['Citra Lestari', null, 'citra@mail.test'],
    ]) {
      ids[name!] = (await api.post('/customers', { name, phone, email })).body().id
    }
    const pkg = (await api.post('/packages', aPackage())).body()
    await api.post('/subscriptions', {
      customerId: ids['Citra Lestari'],
      packageId: pkg.id,
      username: 'citra-rt05',
    })
    await api.patch(`/customers/${ids['Budi Hartono']}`, { status: 'isolated' })

    const names = async (query: Record<string, unknown>) =>
      (await api.get('/customers', query)).body().data.map((c: any) => c.name)
    const page2 = await api.get('/customers', { page: 2, perPage: 2 })
    assert.deepEqual(page2.body().meta, { total: 3, page: 2, perPage: 2, lastPage: 2 })
    assert.deepEqual(await names({ q: 'salim' }), ['Agus Salim'])
    assert.deepEqual(await names({ q: '0822' }), ['Budi Hartono'])
    assert.deepEqual(await names({ q: '+6281111' }), ['Agus Salim'])
    assert.deepEqual(await names({ q: 'citra@' }), ['Citra Lestari'])
    assert.deepEqual(await names({ q: 'rt05' }), ['Citra Lestari'])
    assert.deepEqual(await names({ status: 'isolated' }), ['Budi Hartono'])
    assert.deepEqual(await names({ q: '%' }), [])
    ;(await api.get('/customers', { perPage: 500 })).assertStatus(422)
    ;(await api.get('/customers', { q: 'a\u0000b' })).assertStatus(422)
  })

  test('deleting terminates, and is refused while accounts can still log in', async ({
    client,
    assert,
  }) => {
    const tenant = await tenantWithCrm()
    const api = crmApi(client, tenant.headers)
    const customer = (await api.post('/customers', { name: 'Eko' })).body()
    const pkg = (await api.post('/packages', aPackage())).body()
    for (const username of ['eko-1', 'eko-2']) {
      await api.post('/subscriptions', { customerId: customer.id, packageId: pkg.id, username })
    }
    const refused = await api.delete(`/customers/${customer.id}`)
    refused.assertStatus(409)
    assert.equal(refused.body().code, 'CUSTOMER_HAS_SUBSCRIPTIONS')
    assert.include(refused.body().message, '2 subscriptions')

    const subs = (await api.get('/subscriptions', { customerId: customer.id })).body().data
    await api.patch(`/subscriptions/${subs[0].id}`, { status: 'terminated' })
    await api.delete(`/subscriptions/${subs[1].id}`)
    const deleted = await api.delete(`/customers/${customer.id}`)
    deleted.assertStatus(200)
    assert.equal(deleted.body().status, 'terminated')
    const row = await customersOf(tenant.id).where('id', customer.id).first()
    assert.equal(row.status, 'terminated')
  })

  test('a technician reads customers but cannot change them', async ({ client, assert }) => {
    const tenant = await tenantWithCrm()
    const technician = await createMember(tenant, ['technician'])
    const api = crmApi(client, technician.headers)
    ;(await api.get('/customers')).assertStatus(200)
    const create = await api.post('/customers', { name: 'Fajar' })
    create.assertStatus(403)
    assert.include(create.body().message, 'customers.write')
    assert.lengthOf(await customersOf(tenant.id), 0)
  })
})

test.group('Customers | other tenants', () => {
  test('every id route answers 404 for another tenant’s rows', async ({ client, assert }) => {
    const victim = await tenantWithCrm()
    const attacker = await tenantWithCrm()
    const own = crmApi(client, victim.headers)
    const customer = (await own.post('/customers', { name: 'Rahasia' })).body()
    const pkg = (await own.post('/packages', aPackage())).body()
    const sub = (
      await own.post('/subscriptions', {
        customerId: customer.id,
        packageId: pkg.id,
        username: 'rahasia',
      })
    ).body()

    const api = crmApi(client, attacker.headers)
    const probes = [
      api.get(`/customers/${customer.id}`),
      api.patch(`/customers/${customer.id}`, { name: 'x' }),
      api.delete(`/customers/${customer.id}`),
      api.get(`/packages/${pkg.id}`),
      api.patch(`/packages/${pkg.id}`, { price: 1 }),
      api.delete(`/packages/${pkg.id}`),
      api.get(`/subscriptions/${sub.id}`),
      api.patch(`/subscriptions/${sub.id}`, { status: 'terminated' }),
      api.delete(`/subscriptions/${sub.id}`),
      api.post(`/subscriptions/${sub.id}/reveal-password`),
    ]
    for (const response of await Promise.all(probes)) {
      response.assertStatus(404)
      assert.notInclude(response.text(), 'Rahasia')
    }
    const steal = await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: pkg.id,
      username: 'curian',
    })
    steal.assertStatus(422)
    assert.equal((await own.get(`/subscriptions/${sub.id}`)).body().status, 'active')
    assert.equal((await own.get(`/customers/${customer.id}`)).body().name, 'Rahasia')
  })
})
