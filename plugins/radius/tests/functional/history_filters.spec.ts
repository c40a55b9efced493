import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'

test.group('RADIUS | session history and login log filters', () => {
  test('sessions filter by part of the username, NAS, days in the account zone and how they ended', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const [nasA, nasB] = await platformDb()
      .table('radius_nas')
      .insert([
        { tenant_id: tenant.id, name: 'nas-a', ip_address: '10.83.0.1' },
        { tenant_id: tenant.id, name: 'nas-b', ip_address: '10.83.0.2' },
      ])
      .returning('id')
    const session = (username: string, nasId: string, startedAt: string, cause: string | null) => ({
      tenant_id: tenant.id,
      nas_id: nasId,
      acct_unique_id: `${username}-${startedAt}`,
      acct_session_id: 's',
      username,
      started_at: startedAt,
      updated_at: startedAt,
      stopped_at: cause ? startedAt : null,
      terminate_cause: cause,
    })
    await platformDb()
      .table('radius_sessions')
      .insert([
        // 23:30 WIB on the 9th, 00:30 WIB on the 10th: different days in Jakarta, the same in UTC.
        session('budi.rumah', nasA.id, '2026-11-09T16:30:00Z', 'User-Request'),
        session('budi.kantor', nasB.id, '2026-11-09T17:30:00Z', 'Lost-Carrier'),
        session('sari', nasA.id, '2026-11-10T03:00:00Z', null),
      ])
    const list = async (qs: Record<string, string>) => {
      const response = await client.get('/api/v1/radius/sessions').qs(qs).headers(tenant.headers)
      response.assertStatus(200)
      return response.body().data.map((s: any) => s.username)
    }
    assert.deepEqual(await list({ username: 'budi' }), ['budi.kantor', 'budi.rumah'])
    assert.deepEqual(await list({ nasId: nasA.id }), ['sari', 'budi.rumah'])
    assert.deepEqual(await list({ from: '2026-11-10', to: '2026-11-10' }), ['sari', 'budi.kantor'])
    assert.deepEqual(await list({ to: '2026-11-09' }), ['budi.rumah'])
    assert.deepEqual(await list({ terminateCause: 'Lost-Carrier' }), ['budi.kantor'])
    assert.deepEqual(await list({ open: 'true' }), ['sari'])
    // `%` is a character to look for, not a wildcard.
    assert.deepEqual(await list({ username: '%' }), [])
    const bad = await client
      .get('/api/v1/radius/sessions')
      .qs({ from: 'kemarin', nasId: 'x' })
      .headers(tenant.headers)
    bad.assertStatus(422)
  })

  test('the login log filters by result, reason and username', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    await platformDb()
      .table('radius_auth_log')
      .insert([
        { tenant_id: tenant.id, username: 'budi', result: 'accept', reason: null },
        {
          tenant_id: tenant.id,
          username: 'budi',
          result: 'reject',
          reason: 'WRONG_PASSWORD: pap: Cleartext password does not match',
        },
        { tenant_id: tenant.id, username: 'tamu', result: 'reject', reason: 'USER_UNKNOWN' },
      ])
    const list = async (qs: Record<string, string>) =>
      (await client.get('/api/v1/radius/auth-log').qs(qs).headers(tenant.headers))
        .body()
        .data.map((e: any) => `${e.username}:${e.result}`)
    assert.deepEqual(await list({ result: 'reject' }), ['tamu:reject', 'budi:reject'])
    assert.deepEqual(await list({ reason: 'wrong_password' }), ['budi:reject'])
    assert.deepEqual(await list({ username: 'bud', result: 'accept' }), ['budi:accept'])
    ;(
      await client.get('/api/v1/radius/auth-log').qs({ result: 'maybe' }).headers(tenant.headers)
    ).assertStatus(422)
  })
})
