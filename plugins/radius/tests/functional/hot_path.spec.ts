import { test } from '@japa/runner'
import { Redis } from 'ioredis'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant, type TestTenant } from '#tests/helpers/tenants'
import { aPackage, crmApi } from '#plugins/customers/tests/helpers/crm'
import { forgetRadiusAccounts } from '../../contracts.js'
import { useRedisForAccountCache } from '../../services/account_cache.js'
import { logLogin, stopLoginLog } from '../../services/login_log.js'
import { startRadiusForTenant, type FreeradiusHarness } from '../../testing.js'

/**
 * The fast path keeps answers in memory and Redis and writes the login log
 * and accounting in batches: none of it may change what a NAS or an operator sees.
 */
const NAS_IP = '10.10.5.1'
let harness: FreeradiusHarness
let tenant: TestTenant

const login = (username: string, password: string, extra: Record<string, string> = {}) =>
  harness.send('auth', {
    'User-Name': username,
    'User-Password': password,
    'NAS-IP-Address': NAS_IP,
    ...extra,
  })
const acct = (fields: Record<string, string | number>) =>
  harness.send('acct', { 'NAS-IP-Address': NAS_IP, ...fields })

async function fixtureAccount(username: string, fields: Record<string, unknown> = {}) {
  await platformDb()
    .table('fixture_radius_accounts')
    .insert({
      tenant_id: tenant.id,
      username,
      password: 'rahasia',
      reply: JSON.stringify({ 'Mikrotik-Rate-Limit': '1M/1M' }),
      ...fields,
    })
}

test.group('RADIUS | fast path stays correct', (group) => {
  group.setup(async () => {
    tenant = await createTenant({ plugins: ['radius', 'customers', 'fixture-accounts'] })
    harness = await startRadiusForTenant(tenant.id, { name: 'rtr-melati', ipAddress: NAS_IP })
    return () => harness.stop()
  })

  test('a change to a subscriber reaches the very next login', async ({ client, assert }) => {
    const api = crmApi(client, tenant.headers)
    const customer = (await api.post('/customers', { name: 'Sari' })).body()
    const basic = (await api.post('/packages', aPackage())).body()
    const faster = (
      await api.post('/packages', aPackage({ name: 'Paket 20M', downloadKbps: 20_000 }))
    ).body()
    const subscription = (
      await api.post('/subscriptions', {
        customerId: customer.id,
        packageId: basic.id,
        username: 'sari',
        password: 'kata-sandi-1',
      })
    ).body()
    const rate = async () => {
      const result = await login('sari', 'kata-sandi-1')
      return result.code === 'Access-Accept'
        ? result.attributes['Mikrotik-Rate-Limit'][0]
        : result.attributes['Reply-Message'][0]
    }

    assert.equal(await rate(), '2M/10M')
    assert.equal(await rate(), '2M/10M', 'answered again, now from the cache')
    await api.patch(`/subscriptions/${subscription.id}`, { status: 'isolated' })
    assert.equal(await rate(), 'ISOLATED')
    await api.patch(`/subscriptions/${subscription.id}`, { status: 'active' })
    assert.equal(await rate(), '2M/10M')
    await api.patch(`/packages/${basic.id}`, { downloadKbps: 5_000 })
    assert.equal(await rate(), '2M/5M', 'a package change reaches its subscribers')
    await api.patch(`/subscriptions/${subscription.id}`, { packageId: faster.id })
    assert.equal(await rate(), '2M/20M')
    await api.patch(`/subscriptions/${subscription.id}`, { password: 'kata-sandi-2' })
    assert.equal((await login('sari', 'kata-sandi-1')).code, 'Access-Reject', 'the old password')
    assert.equal((await login('sari', 'kata-sandi-2')).code, 'Access-Accept')
    await api.patch(`/customers/${customer.id}`, { status: 'isolated' })
    assert.equal((await login('sari', 'kata-sandi-2')).attributes['Reply-Message'][0], 'ISOLATED')
    await api.delete(`/subscriptions/${subscription.id}`)
    assert.equal(
      (await login('sari', 'kata-sandi-2')).attributes['Reply-Message'][0],
      'USER_UNKNOWN'
    )
  })

  test('a remembered answer is shared through Redis with the other processes', async ({
    assert,
  }) => {
    await fixtureAccount('di-redis')
    assert.equal((await login('di-redis', 'rahasia')).code, 'Access-Accept')
    const key = `${env.get('REDIS_PREFIX')}:radius:accounts:${tenant.id}`
    // Written without waiting for it: give it a moment.
    for (let i = 0; i < 20 && !(await redis.hexists(key, 'di-redis')); i++) {
      await new Promise((r) => setTimeout(r, 25))
    }
    assert.equal(await redis.hexists(key, 'di-redis'), 1)
  })

  test('first logins arriving together are each answered for their own account', async ({
    assert,
  }) => {
    const names = Array.from({ length: 12 }, (_, i) => `bersama-${i}`)
    for (const [i, name] of names.entries()) {
      await fixtureAccount(name, {
        password: `sandi-${i}`,
        reply: JSON.stringify({ 'Mikrotik-Rate-Limit': `${i + 1}M/${i + 1}M` }),
        status: i === 3 ? 'disabled' : 'active',
      })
    }
    const answers = await Promise.all([
      ...names.map((name, i) => login(name, `sandi-${i}`)),
      login('bersama-tidak-ada', 'apa-saja'),
    ])
    names.forEach((name, i) => {
      if (i === 3) {
        assert.deepEqual(answers[i].attributes['Reply-Message'], ['ACCOUNT_DISABLED'], name)
      } else {
        assert.equal(answers[i].code, 'Access-Accept', answers[i].raw)
        assert.deepEqual(answers[i].attributes['Mikrotik-Rate-Limit'], [`${i + 1}M/${i + 1}M`])
      }
    })
    assert.deepEqual(answers[12].attributes['Reply-Message'], ['USER_UNKNOWN'])
  })

  test('logins are answered correctly while Redis is down, and after it is back', async ({
    assert,
  }) => {
    await fixtureAccount('tanpa-redis')
    assert.equal((await login('tanpa-redis', 'rahasia')).code, 'Access-Accept', 'now remembered')

    // A client that cannot connect: every command fails at once, as with Redis stopped.
    const down = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    })
    down.on('error', () => {})
    useRedisForAccountCache(down)
    try {
      await platformDb()
        .from('fixture_radius_accounts')
        .where({ tenant_id: tenant.id, username: 'tanpa-redis' })
        .update({ status: 'expired' })
      await forgetRadiusAccounts(tenant.id, ['tanpa-redis'])
      const refused = await login('tanpa-redis', 'rahasia')
      assert.deepEqual(refused.attributes['Reply-Message'], ['EXPIRED'], refused.raw)
      await fixtureAccount('baru-tanpa-redis')
      assert.equal((await login('baru-tanpa-redis', 'rahasia')).code, 'Access-Accept')
    } finally {
      useRedisForAccountCache(null)
      down.disconnect()
    }
    // Redis still holds the answer from before the change: it must not come back.
    const after = await login('tanpa-redis', 'rahasia')
    assert.deepEqual(after.attributes['Reply-Message'], ['EXPIRED'], after.raw)
  })

  test('packets sent together are booked as if one by one', async ({ assert }) => {
    const ids = Array.from({ length: 12 }, (_, i) => `burst-${i}`)
    await Promise.all(
      ids.map((id) => acct({ 'User-Name': id, 'Acct-Session-Id': id, 'Acct-Status-Type': 'Start' }))
    )
    // An interim update and the stop of each session at once, and a retry of each stop.
    const stop = (id: string) => ({
      'User-Name': id,
      'Acct-Session-Id': id,
      'Acct-Status-Type': 'Stop',
      'Acct-Session-Time': 120,
      'Acct-Output-Octets': 7000,
      'Acct-Output-Gigawords': 2,
      'Acct-Terminate-Cause': 'Idle-Timeout',
    })
    const answers = await Promise.all(
      ids.flatMap((id) => [
        acct({
          'User-Name': id,
          'Acct-Session-Id': id,
          'Acct-Status-Type': 'Interim-Update',
          'Acct-Session-Time': 60,
          'Acct-Output-Octets': 3000,
          'Framed-IP-Address': '10.5.60.9',
        }),
        acct(stop(id)),
        acct(stop(id)),
      ])
    )
    assert.isTrue(answers.every((a) => a.code === 'Accounting-Response'))
    const rows = await platformDb()
      .from('radius_sessions')
      .where('tenant_id', tenant.id)
      .whereIn('username', ids)
    assert.lengthOf(rows, ids.length)
    for (const row of rows) {
      assert.equal(Number(row.output_octets), 2 * 2 ** 32 + 7000, row.username)
      assert.equal(row.session_time, 120)
      assert.equal(row.terminate_cause, 'Idle-Timeout')
      assert.equal(row.framed_ip, '10.5.60.9')
      assert.isNotNull(row.stopped_at)
    }
  })

  test('the app port answers FreeRADIUS as the lean listener does', async ({ client, assert }) => {
    await fixtureAccount('lewat-app')
    const attribute = (value: string) => ({ type: 'string', value: [value] })
    const response = await client
      .post('/radius/auth')
      .header('x-radius-secret', env.get('RADIUS_API_SECRET')!)
      .json({
        'User-Name': attribute('lewat-app'),
        'User-Password': attribute('rahasia'),
        'NAS-IP-Address': { type: 'ipaddr', value: [NAS_IP] },
      })
    response.assertStatus(200)
    assert.deepEqual(response.body(), {
      'control:Cleartext-Password': 'rahasia',
      'reply:Mikrotik-Rate-Limit': '1M/1M',
    })
  })

  test('the buffered login log is written on a graceful stop', async ({ assert }) => {
    for (const username of ['log-1', 'log-2', 'log-3']) {
      logLogin({
        tenantId: tenant.id,
        username,
        result: 'accept',
        reason: null,
        nasIp: NAS_IP,
        macAddress: null,
      })
    }
    await stopLoginLog()
    const rows = await platformDb()
      .from('radius_auth_log')
      .where('tenant_id', tenant.id)
      .whereIn('username', ['log-1', 'log-2', 'log-3'])
    assert.lengthOf(rows, 3)
  })
})
