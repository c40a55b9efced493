import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import kernel from '#core/services/kernel'
import { platformDb, withTenant } from '#core/tenancy/tenant_db'
import { radiusAuthenticator } from '#plugins/radius/contracts'

const counts = async (tenantId: string) => {
  const count = async (table: string) =>
    Number((await platformDb().from(table).where('tenant_id', tenantId).count('* as n'))[0].n)
  return {
    packages: await count('service_packages'),
    customers: await count('customers'),
    subscriptions: await count('subscriptions'),
  }
}

async function seedDemo() {
  const ace = await app.container.make('ace')
  const seeded = await ace.exec('db:seed', [
    '--connection=platform',
    '--files',
    'database/seeders/demo_seeder.ts',
  ])
  return seeded.exitCode
}

test.group('Customers | demo data', () => {
  test('the demo tenants get packages, customers and accounts once, however often seeded', async ({
    assert,
  }) => {
    assert.equal(await seedDemo(), 0)
    const alpha = await platformDb().from('tenants').where('slug', 'alpha').firstOrFail()
    const beta = await platformDb().from('tenants').where('slug', 'beta').firstOrFail()
    const first = { alpha: await counts(alpha.id), beta: await counts(beta.id) }
    assert.isAtLeast(first.alpha.packages, 3)
    assert.isAtLeast(first.alpha.customers, 25)
    assert.isAtLeast(first.alpha.subscriptions, 25)
    assert.isAtLeast(first.beta.customers, 3)

    assert.equal(await seedDemo(), 0)
    assert.deepEqual({ alpha: await counts(alpha.id), beta: await counts(beta.id) }, first)

    const services = await platformDb()
      .from('subscriptions')
      .where('tenant_id', alpha.id)
      .groupBy('service_type')
      .select('service_type')
      .count('* as n')
    assert.sameMembers(
      services.map((s) => s.service_type),
      ['pppoe', 'hotspot_member']
    )
    const budi = await platformDb()
      .from('customers')
      .where({ tenant_id: alpha.id, name: 'Budi Hartono' })
      .firstOrFail()
    assert.equal(budi.phone, '+6281234560001')
  }).timeout(120_000)

  test('a demo subscriber logs in with the demo password through the authenticator', async ({
    assert,
  }) => {
    assert.equal(await seedDemo(), 0)
    const alpha = await platformDb().from('tenants').where('slug', 'alpha').firstOrFail()
    const password = env.get('DEMO_PASSWORD') || 'demo12345'
    const answers = await withTenant(alpha.id, async (trx) => {
      const found = []
      for (const { plugin, implementation } of await kernel.extensionsFor(
        radiusAuthenticator,
        alpha.id
      )) {
        for (const username of ['budi.pppoe', 'dewi.hs', 'rina.pppoe']) {
          const account = await implementation.find({ tenantId: alpha.id, username, trx })
          if (account) found.push({ plugin, account })
        }
      }
      return found
    })
    const byName = Object.fromEntries(answers.map((a) => [a.account.username, a]))
    assert.equal(byName['budi.pppoe'].plugin, 'customers')
    assert.deepInclude(byName['budi.pppoe'].account, { password, status: 'active' })
    assert.equal(byName['budi.pppoe'].account.reply['Mikrotik-Rate-Limit'], '3M/10M')
    assert.deepInclude(byName['dewi.hs'].account, { password, status: 'active' })
    // The demo shows one customer behind on payment: isolated, on the isolir list.
    assert.equal(byName['rina.pppoe'].account.status, 'isolated')
  }).timeout(120_000)
})
