import { test } from '@japa/runner'
import { Redis } from 'ioredis'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant, type TestTenant } from '#tests/helpers/tenants'
import { useRedisForOpenSessions } from '../../services/open_sessions.js'
import { startRadiusForTenant, type FreeradiusHarness } from '../../testing.js'

/**
 * Simultaneous use is checked against open-session counts kept in Redis,
 * moved by accounting: a login must be refused or let in exactly as if the
 * sessions were counted in the database, whatever the order of packets and
 * whether Redis is up.
 */
const NAS_IP = '10.10.6.1'
let harness: FreeradiusHarness
let tenant: TestTenant

const login = (username: string, mac = 'AA:BB:CC:00:00:01') =>
  harness.send('auth', {
    'User-Name': username,
    'User-Password': 'rahasia',
    'NAS-IP-Address': NAS_IP,
    'Calling-Station-Id': mac,
  })
const acct = (fields: Record<string, string | number>) =>
  harness.send('acct', { 'NAS-IP-Address': NAS_IP, ...fields })
const start = (username: string, id: string) =>
  acct({ 'User-Name': username, 'Acct-Session-Id': id, 'Acct-Status-Type': 'Start' })
const stop = (username: string, id: string) =>
  acct({ 'User-Name': username, 'Acct-Session-Id': id, 'Acct-Status-Type': 'Stop' })
const outcome = async (username: string) => {
  const result = await login(username)
  return result.code === 'Access-Accept' ? 'accept' : result.attributes['Reply-Message']?.[0]
}

async function fixtureAccount(username: string, simultaneousUse: number) {
  await platformDb()
    .table('fixture_radius_accounts')
    .insert({
      tenant_id: tenant.id,
      username,
      password: 'rahasia',
      simultaneous_use: simultaneousUse,
      reply: JSON.stringify({ 'Mikrotik-Rate-Limit': '1M/1M' }),
    })
}

/** The count Redis holds for a username (null: none, the next login counts in the database). */
async function remembered(username: string) {
  const value = await redis.hget(
    `${env.get('REDIS_PREFIX')}:radius:open:${tenant.id}`,
    `n:${username}`
  )
  return value === null ? null : Number(value)
}

async function openInDatabase(username: string) {
  const [row] = await platformDb()
    .from('radius_sessions')
    .where({ tenant_id: tenant.id, username })
    .whereNull('stopped_at')
    .count('* as total')
  return Number(row.total)
}

test.group('RADIUS | open-session counts for simultaneous use', (group) => {
  group.setup(async () => {
    tenant = await createTenant({ plugins: ['radius', 'fixture-accounts'] })
    harness = await startRadiusForTenant(tenant.id, { name: 'rtr-kenanga', ipAddress: NAS_IP })
    return () => harness.stop()
  })

  test('starts and stops move the remembered count; retries and stray packets do not', async ({
    assert,
  }) => {
    await fixtureAccount('dua-sesi', 2)
    assert.equal(await outcome('dua-sesi'), 'accept')
    assert.equal(await remembered('dua-sesi'), 0, 'counted once in the database, then kept')

    await start('dua-sesi', 'ds-1')
    await start('dua-sesi', 'ds-1') // a retry
    assert.equal(await remembered('dua-sesi'), 1)
    assert.equal(await outcome('dua-sesi'), 'accept')
    await start('dua-sesi', 'ds-2')
    assert.equal(await outcome('dua-sesi'), 'SIMULTANEOUS_USE')
    // A stop for a session never started is stored closed: nothing opens.
    await stop('dua-sesi', 'ds-stray')
    assert.equal(await outcome('dua-sesi'), 'SIMULTANEOUS_USE')
    await stop('dua-sesi', 'ds-1')
    await stop('dua-sesi', 'ds-1') // a retry
    assert.equal(await remembered('dua-sesi'), 1)
    assert.equal(await outcome('dua-sesi'), 'accept')
    await acct({
      'User-Name': 'dua-sesi',
      'Acct-Session-Id': 'ds-2',
      'Acct-Status-Type': 'Interim-Update',
      'Acct-Session-Time': 60,
    })
    assert.equal(await remembered('dua-sesi'), 1, 'an interim update changes nothing')
    assert.equal(await openInDatabase('dua-sesi'), 1)
  })

  test('Accounting-On lets in again everyone the NAS had online', async ({ assert }) => {
    await fixtureAccount('nas-restart', 1)
    await start('nas-restart', 'nr-1')
    assert.equal(await outcome('nas-restart'), 'SIMULTANEOUS_USE')
    assert.equal(await remembered('nas-restart'), 1)
    await acct({ 'Acct-Status-Type': 'Accounting-On', 'Acct-Session-Id': '0' })
    assert.equal(await outcome('nas-restart'), 'accept')
    assert.equal(await remembered('nas-restart'), 0)
  })

  test('while Redis is down the database decides, and a stale count is not trusted after', async ({
    assert,
  }) => {
    await fixtureAccount('tanpa-redis-sesi', 1)
    await start('tanpa-redis-sesi', 'tr-1')
    assert.equal(await outcome('tanpa-redis-sesi'), 'SIMULTANEOUS_USE')
    assert.equal(await remembered('tanpa-redis-sesi'), 1)

    const down = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    })
    down.on('error', () => {})
    useRedisForOpenSessions(down)
    try {
      await stop('tanpa-redis-sesi', 'tr-1')
      assert.equal(await outcome('tanpa-redis-sesi'), 'accept', 'counted in the database')
      await start('tanpa-redis-sesi', 'tr-2')
      assert.equal(await outcome('tanpa-redis-sesi'), 'SIMULTANEOUS_USE')
      await stop('tanpa-redis-sesi', 'tr-2')
    } finally {
      useRedisForOpenSessions(null)
      down.disconnect()
    }
    // Redis still says 1 from before: that must not refuse the login.
    assert.equal(await outcome('tanpa-redis-sesi'), 'accept')
    assert.equal(await remembered('tanpa-redis-sesi'), 0)
  })

  test('logins racing with many starts and stops end with the database count', async ({
    assert,
  }) => {
    await fixtureAccount('ramai', 100)
    const ids = Array.from({ length: 24 }, (_, i) => `rm-${i}`)
    const logins = () => Promise.all(ids.map(() => login('ramai')))
    await Promise.all([logins(), ...ids.map((id) => start('ramai', id)), logins()])
    assert.equal(await openInDatabase('ramai'), 24)
    await logins()
    assert.oneOf(await remembered('ramai'), [null, 24])
    await Promise.all([
      logins(),
      ...ids.slice(0, 10).flatMap((id) => [stop('ramai', id), stop('ramai', id)]),
      logins(),
    ])
    await logins()
    assert.equal(await openInDatabase('ramai'), 14)
    assert.oneOf(await remembered('ramai'), [null, 14])
    // Simultaneous use is enforced from the kept count: 14 open of at most 14.
    await platformDb()
      .from('fixture_radius_accounts')
      .where({ tenant_id: tenant.id, username: 'ramai' })
      .update({ simultaneous_use: 14 })
    const { forgetRadiusAccounts } = await import('../../contracts.js')
    await forgetRadiusAccounts(tenant.id, ['ramai'])
    assert.equal(await outcome('ramai'), 'SIMULTANEOUS_USE')
  })
})
