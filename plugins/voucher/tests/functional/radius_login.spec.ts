import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant, type TestTenant } from '#tests/helpers/tenants'
import { startRadiusForTenant, type FreeradiusHarness } from '#plugins/radius/testing'
import { aBatch, voucherApi } from '../helpers/voucher_api.js'

const NAS_IP = '10.20.0.1'
let harness: FreeradiusHarness
let tenant: TestTenant
let api: ReturnType<typeof voucherApi>

const login = (code: string, extra: Record<string, string> = {}) =>
  harness.send('auth', {
    'User-Name': code,
    'User-Password': code,
    'NAS-IP-Address': NAS_IP,
    'Calling-Station-Id': 'AA-BB-CC-00-00-01',
    ...extra,
  })

const acct = (code: string, type: string, extra: Record<string, string | number> = {}) =>
  harness.send('acct', {
    'User-Name': code,
    'Acct-Session-Id': `s-${code}`,
    'Acct-Status-Type': type,
    'NAS-IP-Address': NAS_IP,
    'Calling-Station-Id': 'AA-BB-CC-00-00-01',
    ...extra,
  })

/** A fresh voucher of a new package with these terms. */
async function voucher(client: ApiClient, pkg: Record<string, unknown> = {}) {
  api = voucherApi(client, tenant.headers)
  const name = `P-${Math.random().toString(36).slice(2, 8)}`
  const created = await api.post('/voucher-packages', {
    name,
    price: 5000,
    downloadKbps: 5000,
    uploadKbps: 1000,
    profileName: 'voucher',
    ...pkg,
  })
  created.assertStatus(201)
  const batch = (await api.post('/voucher-batches', aBatch(created.body().id, { count: 1 }))).body()
  return (await api.get('/vouchers', { batchId: batch.id })).body().data[0]
}

const stored = (code: string) =>
  platformDb().from('vouchers').where({ tenant_id: tenant.id, username: code }).first()

test.group('Voucher | logins through a real FreeRADIUS', (group) => {
  group.setup(async () => {
    tenant = await createTenant({ plugins: ['radius', 'voucher'] })
    harness = await startRadiusForTenant(tenant.id, { name: 'rtr-hotspot', ipAddress: NAS_IP })
    return () => harness.stop()
  })

  test('the first login activates an unused voucher with its package reply', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client, { durationMinutes: 60, validityDays: 7, quotaBytes: 2 ** 30 })
    const result = await login(v.username)
    assert.equal(result.code, 'Access-Accept', result.raw)
    assert.deepEqual(result.attributes['Mikrotik-Rate-Limit'], ['1M/5M'])
    assert.deepEqual(result.attributes['Session-Timeout'], ['3600'])
    assert.deepEqual(result.attributes['Mikrotik-Total-Limit'], [String(2 ** 30)])
    const row = await stored(v.username)
    assert.equal(row.status, 'active')
    assert.isNotNull(row.first_login_at)
    const days =
      (new Date(row.expires_at).getTime() - new Date(row.first_login_at).getTime()) / 86_400_000
    assert.closeTo(days, 7, 0.001)
  })

  test('a wrong password leaves an unused voucher unused; the right one then activates it', async ({
    client,
    assert,
  }) => {
    api = voucherApi(client, tenant.headers)
    const pkg = await api.post('/voucher-packages', {
      name: `UP-${Math.random().toString(36).slice(2, 8)}`,
      price: 3000,
      downloadKbps: 2000,
      uploadKbps: 1000,
      profileName: 'voucher',
      validityDays: 1,
    })
    const batch = (
      await api.post('/voucher-batches', aBatch(pkg.body().id, { count: 1, mode: 'user_pass' }))
    ).body()
    const v = (await api.get('/vouchers', { batchId: batch.id })).body().data[0]

    const wrong = await login(v.username, { 'User-Password': `${v.password}X` })
    assert.equal(wrong.code, 'Access-Reject', wrong.raw)
    const untouched = await stored(v.username)
    assert.equal(untouched.status, 'unused')
    assert.isNull(untouched.first_login_at)
    assert.isNull(untouched.expires_at)

    const right = await login(v.username, { 'User-Password': v.password })
    assert.equal(right.code, 'Access-Accept', right.raw)
    const activated = await stored(v.username)
    assert.equal(activated.status, 'active')
    assert.equal(activated.mac_address, 'AA-BB-CC-00-00-01')
  })

  test('the device that activated a single-use voucher may log in again before its session starts', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client)
    assert.equal((await login(v.username)).code, 'Access-Accept')
    const again = await login(v.username)
    assert.equal(again.code, 'Access-Accept', again.raw)
    const other = await login(v.username, { 'Calling-Station-Id': 'AA-BB-CC-00-00-0F' })
    assert.deepEqual(other.attributes['Reply-Message'], ['SIMULTANEOUS_USE'], other.raw)
  })

  test('an active voucher gets only the time it has left, and its first MAC and NAS', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client, { durationMinutes: 60 })
    assert.equal((await login(v.username)).code, 'Access-Accept')
    await acct(v.username, 'Start')
    await acct(v.username, 'Stop', { 'Acct-Session-Time': 1200 })
    const again = await login(v.username)
    assert.equal(again.code, 'Access-Accept', again.raw)
    assert.deepEqual(again.attributes['Session-Timeout'], ['2400'], '60 min less the 20 used')
    const row = await stored(v.username)
    assert.equal(row.used_minutes, 20)
    assert.equal(row.mac_address, 'AA-BB-CC-00-00-01')
    assert.equal(row.nas_ip, NAS_IP)
  })

  test('a voucher whose time is used up is refused as EXPIRED and marked used', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client, { durationMinutes: 10 })
    assert.equal((await login(v.username)).code, 'Access-Accept')
    await acct(v.username, 'Start')
    await acct(v.username, 'Stop', { 'Acct-Session-Time': 600 })
    const result = await login(v.username)
    assert.equal(result.code, 'Access-Reject', result.raw)
    assert.deepEqual(result.attributes['Reply-Message'], ['EXPIRED'])
    assert.equal((await stored(v.username)).status, 'used')
  })

  test('a voucher past its validity is refused as EXPIRED and marked expired', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client, { validityDays: 1 })
    assert.equal((await login(v.username)).code, 'Access-Accept')
    await acct(v.username, 'Start')
    await acct(v.username, 'Stop', { 'Acct-Session-Time': 60 })
    await platformDb()
      .from('vouchers')
      .where('id', v.id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    const result = await login(v.username)
    assert.deepEqual(result.attributes['Reply-Message'], ['EXPIRED'], result.raw)
    assert.equal((await stored(v.username)).status, 'expired')
  })

  test('a disabled voucher is refused, and works again once enabled', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client)
    ;(await api.patch(`/vouchers/${v.id}`, { disabled: true })).assertStatus(200)
    const refused = await login(v.username)
    assert.deepEqual(refused.attributes['Reply-Message'], ['ACCOUNT_DISABLED'], refused.raw)
    assert.equal((await stored(v.username)).status, 'disabled', 'a refused login does not activate')
    const enabled = (await api.patch(`/vouchers/${v.id}`, { disabled: false })).body()
    assert.equal(enabled.status, 'unused')
    assert.equal((await login(v.username)).code, 'Access-Accept')
  })

  test('a MAC-locked voucher refuses another device after the first login', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client, { macLock: true })
    assert.equal((await login(v.username)).code, 'Access-Accept')
    await acct(v.username, 'Start')
    await acct(v.username, 'Stop', { 'Acct-Session-Time': 30 })
    const other = await login(v.username, { 'Calling-Station-Id': 'AA-BB-CC-99-99-99' })
    assert.deepEqual(other.attributes['Reply-Message'], ['MAC_MISMATCH'], other.raw)
    const same = await login(v.username)
    assert.equal(same.code, 'Access-Accept', same.raw)
  })

  test('two devices logging in with a new single-use voucher at once: exactly one gets in', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client)
    const results = await Promise.all([
      login(v.username, { 'Calling-Station-Id': 'AA-BB-CC-00-00-0A' }),
      login(v.username, { 'Calling-Station-Id': 'AA-BB-CC-00-00-0B' }),
    ])
    const accepted = results.filter((r) => r.code === 'Access-Accept')
    assert.lengthOf(accepted, 1, results.map((r) => r.raw).join('\n'))
    assert.lengthOf(
      results.filter((r) => r.code === 'Access-Reject'),
      1
    )
    // The voucher belongs to the device that got in, from its first login on.
    const winner = results.indexOf(accepted[0]) === 0 ? 'AA-BB-CC-00-00-0A' : 'AA-BB-CC-00-00-0B'
    const row = await stored(v.username)
    assert.equal(row.status, 'active')
    assert.equal(row.mac_address, winner)
  })

  test('a voucher for two users lets a second device in while the first is online', async ({
    client,
    assert,
  }) => {
    const v = await voucher(client, { sharedUsers: 2 })
    assert.equal((await login(v.username)).code, 'Access-Accept')
    await acct(v.username, 'Start')
    const second = await login(v.username, { 'Calling-Station-Id': 'AA-BB-CC-00-00-02' })
    assert.equal(second.code, 'Access-Accept', second.raw)
    await acct(v.username, 'Start', { 'Acct-Session-Id': 'second' })
    const third = await login(v.username, { 'Calling-Station-Id': 'AA-BB-CC-00-00-03' })
    assert.deepEqual(third.attributes['Reply-Message'], ['SIMULTANEOUS_USE'], third.raw)
  })
})
