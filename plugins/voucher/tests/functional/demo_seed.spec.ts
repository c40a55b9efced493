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
})
