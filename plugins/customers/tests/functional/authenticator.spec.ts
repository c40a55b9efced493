import { test } from '@japa/runner'
import kernel from '#core/services/kernel'
import { withTenant } from '#core/tenancy/tenant_db'
import { radiusAuthenticator } from '#plugins/radius/contracts'
import { createTenant } from '#tests/helpers/tenants'
import { aPackage, crmApi } from '../helpers/crm.js'

/** What every authenticator the tenant may use says about a username, as RADIUS would ask. */
async function lookup(tenantId: string, username: string) {
  return withTenant(tenantId, async (trx) => {
    const answers = []
    for (const { plugin, implementation } of await kernel.extensionsFor(
      radiusAuthenticator,
      tenantId
    )) {
      const account = await implementation.find({ tenantId, username, trx })
      if (account) answers.push({ plugin, account })
    }
    return answers
  })
}

// The RADIUS plugin owns the point: when it is installed, it must be enabled for answers to come.
const plugins = () => ['customers', ...(kernel.plugins.ids().includes('radius') ? ['radius'] : [])]

test.group('Customers | RADIUS authenticator', () => {
  test('answers for an account with its password, reply and status', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: plugins() })
    const api = crmApi(client, tenant.headers)
    const customer = (await api.post('/customers', { name: 'Budi' })).body()
    const pkg = (await api.post('/packages', aPackage({ quotaBytes: 5 * 2 ** 30 }))).body()
    const open = async (username: string, extra: object = {}) =>
      (
        await api.post('/subscriptions', {
          customerId: customer.id,
          packageId: pkg.id,
          username,
          password: `pw-${username}`,
          ...extra,
        })
      ).body()

    const active = await open('aktif', { macAddress: 'AA:BB:CC:00:00:01', staticIp: '10.9.0.2' })
    const [answer] = await lookup(tenant.id, 'aktif')
    assert.equal(answer.plugin, 'customers')
    assert.deepEqual(answer.account, {
      subject: { type: 'subscription', id: active.id },
      username: 'aktif',
      password: 'pw-aktif',
      status: 'active',
      reply: {
        'Mikrotik-Rate-Limit': '2M/10M',
        'Acct-Interim-Interval': 300,
        'Framed-IP-Address': '10.9.0.2',
        'Mikrotik-Total-Limit': 2 ** 30,
        'Mikrotik-Total-Limit-Gigawords': 1,
      },
      simultaneousUse: 1,
      macAddress: 'AA:BB:CC:00:00:01',
      reuse: { seconds: 600, until: null },
    })
    assert.deepEqual(await lookup(tenant.id, 'AKTIF'), [], 'usernames match exactly')
    assert.deepEqual(await lookup(tenant.id, 'nobody'), [])

    const isolated = await open('isolir')
    await api.patch(`/subscriptions/${isolated.id}`, {
      status: 'isolated',
      isolationReason: 'Belum bayar',
    })
    const [iso] = await lookup(tenant.id, 'isolir')
    assert.deepInclude(iso.account, { status: 'isolated', reason: 'Belum bayar' })
    assert.equal(iso.account.reply['Mikrotik-Address-List'], 'isolir')
    assert.equal(iso.account.reply['Framed-Pool'], 'pool-10m')

    await open('lewat', { expiresAt: '2020-01-01T00:00:00+07:00' })
    assert.equal((await lookup(tenant.id, 'lewat'))[0].account.status, 'expired')
    const future = await open('prabayar', {
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    })
    const prepaid = (await lookup(tenant.id, 'prabayar'))[0].account
    assert.equal(prepaid.status, 'active')
    assert.closeTo(Number(prepaid.reply['Session-Timeout']), 3600, 5)
    await api.patch(`/subscriptions/${future.id}`, { status: 'expired' })
    assert.equal((await lookup(tenant.id, 'prabayar'))[0].account.status, 'expired')

    const ended = await open('berhenti')
    await api.patch(`/subscriptions/${ended.id}`, { status: 'terminated' })
    assert.equal((await lookup(tenant.id, 'berhenti'))[0].account.status, 'terminated')

    // Isolating the customer isolates every account they have.
    await api.patch(`/customers/${customer.id}`, { status: 'isolated' })
    assert.equal((await lookup(tenant.id, 'aktif'))[0].account.status, 'isolated')
  })

  test('another tenant, or one without the plugin, gets no answer', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: plugins() })
    const api = crmApi(client, tenant.headers)
    const customer = (await api.post('/customers', { name: 'Budi' })).body()
    const pkg = (await api.post('/packages', aPackage())).body()
    await api.post('/subscriptions', {
      customerId: customer.id,
      packageId: pkg.id,
      username: 'budi',
    })
    assert.lengthOf(await lookup(tenant.id, 'budi'), 1)

    const other = await createTenant({ plugins: plugins() })
    assert.deepEqual(await lookup(other.id, 'budi'), [])
    const without = await createTenant({ plugins: plugins().filter((p) => p !== 'customers') })
    assert.deepEqual(await lookup(without.id, 'budi'), [])
  })
})
