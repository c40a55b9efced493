import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { aPackage, crmApi, tenantWithCrm } from '../helpers/crm.js'

const count = async (table: string, tenantId: string) =>
  Number((await platformDb().from(table).where('tenant_id', tenantId).count('* as n'))[0].n)

const FILE = [
  'name,phone,email,package,username,password,address',
  'Agus Salim,0811-1111-111,agus@mail.test,Paket 10M,agus,rahasia1,"Jl. Mawar 1, RT 01"',
  'Bad Phone,12345,,Paket 10M,badphone,,',
  'Budi Dobel,082222222222,,Paket 10M,AGUS,,',
  'Citra Lestari,+6283333333333,,Paket 99M,citra,,',
  'Dewi Tanpa Akun,0856 4444 4444,,,,,',
  'Agus Salim,0811-1111-111,agus@mail.test,Paket 10M,agus-kantor,,',
].join('\n')

async function tenantWithPackage(client: any) {
  const tenant = await tenantWithCrm()
  const api = crmApi(client, tenant.headers)
  ;(await api.post('/packages', aPackage())).assertStatus(201)
  return { tenant, api }
}

test.group('Customers | CSV import and export', () => {
  test('a dry run lists every rejected line and writes nothing', async ({ client, assert }) => {
    const { tenant, api } = await tenantWithPackage(client)
    const response = await api.post('/customers/import?dryRun=true', { csv: FILE })
    response.assertStatus(200)
    assert.deepInclude(response.body(), { dryRun: true, total: 6, imported: 3 })
    const rejected = response
      .body()
      .rejected.map((r: any) => [r.line, r.reasons.map((reason: any) => reason.field)])
    assert.deepEqual(rejected, [
      [3, ['phone']],
      [4, ['username']],
      [5, ['package']],
    ])
    assert.include(response.body().rejected[2].reasons[0].message, 'Paket 99M')
    assert.equal(await count('customers', tenant.id), 0)
    assert.equal(await count('subscriptions', tenant.id), 0)
    const audit = await platformDb()
      .from('audit_logs')
      .where({ tenant_id: tenant.id, action: 'customers.imported' })
    assert.lengthOf(audit, 0)
  })

  test('an import writes the good lines only, each whole or not at all', async ({
    client,
    assert,
  }) => {
    const { tenant, api } = await tenantWithPackage(client)
    const response = await client
      .post('/api/v1/customers/import')
      .headers(tenant.headers)
      .file('file', Buffer.from(FILE), { filename: 'pelanggan.csv' })
    response.assertStatus(200)
    assert.deepInclude(response.body(), { dryRun: false, total: 6, imported: 3 })
    assert.deepEqual(
      response.body().rejected.map((r: any) => r.line),
      [3, 4, 5]
    )
    const customers = (await api.get('/customers')).body().data
    assert.deepEqual(
      customers.map((c: any) => [c.name, c.phone, c.usernames]),
      [
        ['Agus Salim', '+628111111111', ['agus', 'agus-kantor']],
        ['Dewi Tanpa Akun', '+6285644444444', []],
      ]
    )
    // A rejected line leaves no customer behind, even though its customer part was fine.
    assert.equal(await count('customers', tenant.id), 2)
    const agus = (await api.get('/subscriptions', { q: 'agus' })).body().data[0]
    const revealed = await api.post(`/subscriptions/${agus.id}/reveal-password`)
    assert.equal(revealed.body().password, 'rahasia1')
  })

  test('bad files are refused as a whole with a reason', async ({ client, assert }) => {
    const { api } = await tenantWithPackage(client)
    const header = await api.post('/customers/import', { csv: 'nama,telepon\nAgus,0811' })
    header.assertStatus(422)
    assert.equal(header.body().code, 'IMPORT_HEADER_INVALID')
    assert.include(header.body().message, 'nama')
    const empty = await api.post('/customers/import', { csv: 'name,phone\n' })
    assert.equal(empty.body().code, 'IMPORT_EMPTY')
    const broken = await api.post('/customers/import', { csv: 'name,phone\n"Agus,0811\n' })
    assert.equal(broken.body().code, 'IMPORT_CSV_INVALID')
    const none = await api.post('/customers/import', {})
    none.assertStatus(422)
    assert.equal(none.body().errors[0].field, 'csv')
  })

  test('an export imports back into another account unchanged', async ({ client, assert }) => {
    const { tenant, api } = await tenantWithPackage(client)
    const customer = (
      await api.post('/customers', {
        name: '=HYPERLINK("http://evil")',
        phone: '081234567890',
        address: 'Jl. Kenanga 7, "Blok C"\nRT 03',
        identityNumber: '3201000000000007',
        category: 'member',
      })
    ).body()
    await api.post('/customers', { name: 'Tanpa Akun', email: 'tanpa@mail.test' })
    const pkg = (await api.get('/packages')).body().data[0]
    const sub = (
      await api.post('/subscriptions', {
        customerId: customer.id,
        packageId: pkg.id,
        username: 'hyper',
        macAddress: 'AA:BB:CC:DD:EE:01',
        startDate: '2026-11-02',
      })
    ).body()
    await api.patch(`/subscriptions/${sub.id}`, { status: 'isolated' })

    const exported = await api.get('/customers/export.csv')
    exported.assertStatus(200)
    assert.include(exported.header('content-type'), 'text/csv')
    const csv = exported.text()
    assert.include(csv, `"'=HYPERLINK(""http://evil"")"`)
    assert.notInclude(csv, 'password_encrypted')

    const other = await tenantWithPackage(client)
    const imported = await other.api.post('/customers/import', { csv })
    assert.deepInclude(imported.body(), { imported: 2, rejected: [] })
    assert.equal((await other.api.get('/customers/export.csv')).text(), csv)
    assert.equal(await count('customers', tenant.id), 2)
  })
})
