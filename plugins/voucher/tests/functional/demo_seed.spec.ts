import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'
import seedVoucherDemo from '../../demo_seed.js'
import { voucherApi } from '../helpers/voucher_api.js'

const count = async (table: string, tenantId: string) =>
  Number((await platformDb().from(table).where('tenant_id', tenantId).count('* as n'))[0].n)

test.group('Voucher | demo data', () => {
  test('three packages with a batch each, some sold; seeding again adds nothing', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    const context = { tenantId: tenant.id, tenantSlug: tenant.slug, password: 'demo12345' }
    await seedVoucherDemo(context)
    const first = {
      packages: await count('voucher_packages', tenant.id),
      batches: await count('voucher_batches', tenant.id),
      vouchers: await count('vouchers', tenant.id),
    }
    assert.deepEqual(first, { packages: 3, batches: 3, vouchers: 120 })
    await seedVoucherDemo(context)
    assert.equal(await count('vouchers', tenant.id), 120)

    const today = new Date().toISOString().slice(0, 10)
    const from = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)
    const report = await voucherApi(client, tenant.headers).get('/voucher-reports/sales', {
      from,
      to: today,
      groupBy: 'package',
    })
    report.assertStatus(200)
    assert.deepEqual(
      report.body().data.map((line: { package: { name: string } }) => line.package.name),
      ['1 Hari', '3 Jam', '7 Hari']
    )
    assert.isAbove(report.body().total.amount, 0)
  })

  test('sales by router and as CSV; a reversed period is refused', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    await seedVoucherDemo({ tenantId: tenant.id, tenantSlug: tenant.slug, password: 'x' })
    const api = voucherApi(client, tenant.headers)
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    const from = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)
    const byRouter = (
      await api.get('/voucher-reports/sales', { from, to, groupBy: 'router' })
    ).body()
    assert.deepEqual(
      byRouter.data.map((line: { router: string }) => line.router),
      ['10.10.0.1', '10.10.0.2']
    )
    const csv = await api.get('/voucher-reports/sales.csv', { from, to, groupBy: 'router' })
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    const lines = csv.text().trim().split('\n')
    assert.equal(lines[0], 'router,count,amount_idr')
    assert.match(lines[1], /^10\.10\.0\.1,\d+,\d+$/)
    assert.equal(lines.at(-1), `total,${byRouter.total.count},${byRouter.total.amount}`)
    const reversed = await api.get('/voucher-reports/sales.csv', { from: to, to: from })
    reversed.assertStatus(422)
    assert.equal(reversed.body().errors[0].field, 'to')
  })
})
