import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant, type TestTenant } from '#tests/helpers/tenants'
import {
  chapAttributes,
  mschapV2Request,
  startRadiusForTenant,
  type FreeradiusHarness,
} from '../../testing.js'

const NAS_IP = '10.10.0.1'
let harness: FreeradiusHarness
let tenant: TestTenant

async function account(username: string, fields: Record<string, unknown> = {}) {
  await platformDb()
    .table('fixture_radius_accounts')
    .insert({
      tenant_id: tenant.id,
      username,
      password: 'rahasia',
      reply: JSON.stringify({ 'Mikrotik-Rate-Limit': '2M/10M', 'Session-Timeout': 3600 }),
      ...fields,
    })
}

const login = (
  username: string,
  password = 'rahasia',
  extra: Record<string, string | number> = {}
) =>
  harness.send('auth', {
    'User-Name': username,
    'User-Password': password,
    'NAS-IP-Address': NAS_IP,
    ...extra,
  })

const acct = (fields: Record<string, string | number>) =>
  harness.send('acct', { 'NAS-IP-Address': NAS_IP, ...fields })

/** The login log is written a moment after the answer (in batches): wait for the line. */
const lastLog = async (username: string) => {
  const deadline = Date.now() + 3000
  for (;;) {
    const row = await platformDb()
      .from('radius_auth_log')
      .where({ tenant_id: tenant.id, username })
      .orderBy('id', 'desc')
      .first()
    if (row || Date.now() > deadline) return row
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test.group('RADIUS | logins through a real FreeRADIUS', (group) => {
  group.setup(async () => {
    tenant = await createTenant({ plugins: ['radius', 'fixture-accounts'] })
    harness = await startRadiusForTenant(tenant.id, { name: 'rtr-cempaka', ipAddress: NAS_IP })
    return () => harness.stop()
  })

  test('PAP, CHAP and MS-CHAPv2 are accepted with the account’s reply attributes', async ({
    assert,
  }) => {
    await account('budi')
    const pap = await login('budi')
    assert.equal(pap.code, 'Access-Accept', pap.raw)
    assert.deepEqual(pap.attributes['Mikrotik-Rate-Limit'], ['2M/10M'])
    assert.deepEqual(pap.attributes['Session-Timeout'], ['3600'])

    const chap = await harness.send('auth', {
      'User-Name': 'budi',
      'NAS-IP-Address': NAS_IP,
      ...chapAttributes('rahasia', { id: 3 }),
    })
    assert.equal(chap.code, 'Access-Accept', chap.raw)
    const ms = mschapV2Request('budi', 'rahasia', { ident: 5 })
    const mschap = await harness.send('auth', {
      'User-Name': 'budi',
      'NAS-IP-Address': NAS_IP,
      ...ms.attributes,
    })
    assert.equal(mschap.code, 'Access-Accept', mschap.raw)
    assert.equal((await lastLog('budi')).result, 'accept')
  })

  test('each refusal carries its reason to the NAS and into the login log', async ({ assert }) => {
    await account('salah')
    await account('isolir-1', { status: 'isolated' })
    await account('lama', { status: 'expired' })
    await account('terikat', { mac_address: 'AA:BB:CC:00:11:22' })
    const cases: [string, string | undefined, Record<string, string>, string][] = [
      ['salah', 'bukan-ini', {}, 'WRONG_PASSWORD'],
      ['hantu', undefined, {}, 'USER_UNKNOWN'],
      ['isolir-1', undefined, {}, 'ISOLATED'],
      ['lama', undefined, {}, 'EXPIRED'],
      ['terikat', undefined, { 'Calling-Station-Id': 'AA-BB-CC-99-99-99' }, 'MAC_MISMATCH'],
    ]
    for (const [username, password, extra, code] of cases) {
      const result = await login(username, password, extra)
      assert.equal(result.code, 'Access-Reject', `${username}: ${result.raw}`)
      if (code !== 'WRONG_PASSWORD')
        assert.deepEqual(result.attributes['Reply-Message'], [code], username)
      assert.include((await lastLog(username)).reason, code, username)
    }
    const bound = await login('terikat', 'rahasia', { 'Calling-Station-Id': 'aa-bb-cc-00-11-22' })
    assert.equal(bound.code, 'Access-Accept', 'the bound MAC itself gets in')
  })

  test('an isolated subscriber can be let in onto the isolir address-list instead', async ({
    assert,
  }) => {
    await account('isolir-2', { status: 'isolated' })
    await platformDb()
      .table('radius_settings')
      .insert({ tenant_id: tenant.id, isolated_behaviour: 'isolir' })
    try {
      const result = await login('isolir-2')
      assert.equal(result.code, 'Access-Accept', result.raw)
      assert.deepEqual(result.attributes['Mikrotik-Address-List'], ['isolir'])
    } finally {
      await platformDb().from('radius_settings').where('tenant_id', tenant.id).delete()
    }
  })

  test('accounting books one session, survives retries and counts gigawords', async ({
    assert,
  }) => {
    await account('acct-user', { simultaneous_use: 1 })
    const session = {
      'User-Name': 'acct-user',
      'Acct-Session-Id': '81a00001',
      'Framed-IP-Address': '10.5.50.7',
      'Calling-Station-Id': 'AA:BB:CC:DD:EE:01',
    }
    assert.equal(
      (await acct({ ...session, 'Acct-Status-Type': 'Start' })).code,
      'Accounting-Response'
    )
    const again = await login('acct-user')
    assert.deepEqual(again.attributes['Reply-Message'], ['SIMULTANEOUS_USE'], again.raw)

    const interim = {
      ...session,
      'Acct-Status-Type': 'Interim-Update',
      'Acct-Session-Time': 600,
      'Acct-Input-Octets': 1000,
      'Acct-Input-Gigawords': 1,
      'Acct-Output-Octets': 5000,
    }
    await acct(interim)
    await acct(interim) // the NAS retried
    const stop = {
      ...session,
      'Acct-Status-Type': 'Stop',
      'Acct-Session-Time': 900,
      'Acct-Input-Octets': 2000,
      'Acct-Input-Gigawords': 1,
      'Acct-Output-Octets': 9000,
      'Acct-Terminate-Cause': 'User-Request',
    }
    await acct(stop)
    await acct(stop)

    const rows = await platformDb()
      .from('radius_sessions')
      .where({ tenant_id: tenant.id, username: 'acct-user' })
    assert.lengthOf(rows, 1)
    assert.equal(Number(rows[0].input_octets), 2 ** 32 + 2000)
    assert.equal(Number(rows[0].output_octets), 9000)
    assert.equal(rows[0].session_time, 900)
    assert.equal(rows[0].terminate_cause, 'User-Request')
    assert.isNotNull(rows[0].stopped_at)
    assert.equal(
      (await login('acct-user')).code,
      'Access-Accept',
      'the session is over, so a new login is allowed'
    )
  })

  test('Accounting-On closes every session the NAS had open', async ({ assert }) => {
    for (const id of ['on-1', 'on-2']) {
      await acct({ 'User-Name': `user-${id}`, 'Acct-Session-Id': id, 'Acct-Status-Type': 'Start' })
    }
    await acct({ 'Acct-Status-Type': 'Accounting-On', 'Acct-Session-Id': '0' })
    const open = await platformDb()
      .from('radius_sessions')
      .where('tenant_id', tenant.id)
      .whereNull('stopped_at')
    assert.lengthOf(open, 0)
  })

  test('a suspended tenant’s subscribers are refused', async ({ assert }) => {
    await account('suspended-user')
    const kernel = (await import('#core/services/kernel')).default
    await platformDb().from('tenants').where('id', tenant.id).update({ status: 'deactivated' })
    await kernel.tenants.forget({ id: tenant.id, slug: tenant.slug })
    try {
      const result = await login('suspended-user')
      assert.deepEqual(result.attributes['Reply-Message'], ['TENANT_SUSPENDED'], result.raw)
    } finally {
      await platformDb().from('tenants').where('id', tenant.id).update({ status: 'active' })
      await kernel.tenants.forget({ id: tenant.id, slug: tenant.slug })
    }
  })

  test('a caller without the secret is refused before any lookup', async ({ client, assert }) => {
    const response = await client
      .post('/radius/auth')
      .json({ 'User-Name': { type: 'string', value: ['budi'] } })
    response.assertStatus(401)
    assert.deepEqual(response.body(), { 'reply:Reply-Message': 'CALLER_UNAUTHORIZED' })
    const wrong = await client
      .post('/radius/auth')
      .header('x-radius-secret', 'not-the-secret')
      .json({ 'User-Name': { type: 'string', value: ['budi'] } })
    wrong.assertStatus(401)
  })

  test('a NAS nobody registered gets rejects', async ({ assert }) => {
    await account('stranger')
    const result = await login('stranger', 'rahasia', { 'NAS-IP-Address': '10.99.99.99' })
    assert.deepEqual(result.attributes['Reply-Message'], ['NAS_UNKNOWN'], result.raw)
  })
})
