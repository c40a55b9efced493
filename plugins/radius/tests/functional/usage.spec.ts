import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'

const GiB = 2 ** 30

/** A session as accounting leaves it: totals (gigawords folded in), start and stop. */
async function session(
  tenantId: string,
  username: string,
  startedAt: string,
  endedAt: string,
  octets: { input: number; output: number },
  open = false
) {
  await platformDb()
    .table('radius_sessions')
    .insert({
      tenant_id: tenantId,
      acct_unique_id: `u-${username}-${startedAt}`,
      acct_session_id: 'a1',
      username,
      started_at: startedAt,
      updated_at: endedAt,
      stopped_at: open ? null : endedAt,
      input_octets: octets.input,
      output_octets: octets.output,
    })
}

test.group('RADIUS | usage per customer per day', () => {
  test('a session crossing midnight in Jakarta is split by time, and the days add up exactly', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    // 22:00 to 02:00 WIB (15:00 to 19:00 UTC): half before midnight, half after.
    await session(tenant.id, 'budi', '2026-11-20T15:00:00Z', '2026-11-20T19:00:00Z', {
      input: 6 * GiB + 1,
      output: 1001,
    })
    // 10:00-11:00 WIB on the 21st, more than 4 GiB: the gigawords are in the total.
    await session(tenant.id, 'budi', '2026-11-21T03:00:00Z', '2026-11-21T04:00:00Z', {
      input: 5 * GiB,
      output: 0,
    })
    await session(tenant.id, 'sari', '2026-11-21T05:00:00Z', '2026-11-21T06:00:00Z', {
      input: 100,
      output: 200,
    })
    // Another account's traffic never shows.
    const other = await createTenant({ plugins: ['radius'] })
    await session(other.id, 'budi', '2026-11-21T03:00:00Z', '2026-11-21T04:00:00Z', {
      input: 999,
      output: 999,
    })

    const response = await client
      .get('/api/v1/radius/usage')
      .qs({ from: '2026-11-20', to: '2026-11-21' })
      .headers(tenant.headers)
    response.assertStatus(200)
    const body = response.body()
    assert.equal(body.timezone, 'Asia/Jakarta')
    assert.deepEqual(
      body.data.map((r: any) => [r.day, r.username, r.inputOctets, r.outputOctets, r.sessions]),
      [
        // The odd octet of the split lands on the second day: days add up to the session's total.
        ['2026-11-21', 'budi', 3 * GiB + 1 + 5 * GiB, 501, 2],
        ['2026-11-21', 'sari', 100, 200, 1],
        ['2026-11-20', 'budi', 3 * GiB, 500, 1],
      ]
    )
    assert.equal(body.total.inputOctets, 11 * GiB + 1 + 100)
    assert.equal(body.total.outputOctets, 1001 + 200)
    assert.equal(body.meta.total, 3)

    // One day only, one login only: the part of the crossing session that fell on it.
    const oneDay = await client
      .get('/api/v1/radius/usage')
      .qs({ from: '2026-11-20', to: '2026-11-20', username: 'budi' })
      .headers(tenant.headers)
    assert.deepEqual(
      oneDay.body().data.map((r: any) => [r.day, r.totalOctets]),
      [['2026-11-20', 3 * GiB + 500]]
    )

    const paged = await client
      .get('/api/v1/radius/usage')
      .qs({ from: '2026-11-20', to: '2026-11-21', perPage: 2, page: 2 })
      .headers(tenant.headers)
    assert.lengthOf(paged.body().data, 1)
    assert.equal(paged.body().meta.lastPage, 2)
    assert.equal(paged.body().total.outputOctets, 1201)

    const csv = await client
      .get('/api/v1/radius/usage/export.csv')
      .qs({ from: '2026-11-20', to: '2026-11-21' })
      .headers(tenant.headers)
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    assert.deepEqual(csv.text().trim().split('\n'), [
      'day,username,input_octets,output_octets,total_octets,sessions',
      `2026-11-21,budi,${8 * GiB + 1},501,${8 * GiB + 502},2`,
      '2026-11-21,sari,100,200,300,1',
      `2026-11-20,budi,${3 * GiB},500,${3 * GiB + 500},1`,
    ])
  })

  test('an open session counts up to its last update, over three days', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    // 12:00 WIB on the 1st to 12:00 WIB on the 3rd: 12 h, 24 h, 12 h.
    await session(
      tenant.id,
      'rina',
      '2026-12-01T05:00:00Z',
      '2026-12-03T05:00:00Z',
      { input: 4800, output: 0 },
      true
    )
    const response = await client
      .get('/api/v1/radius/usage')
      .qs({ from: '2026-12-01', to: '2026-12-31' })
      .headers(tenant.headers)
    assert.deepEqual(
      response.body().data.map((r: any) => [r.day, r.inputOctets]),
      [
        ['2026-12-03', 1200],
        ['2026-12-02', 2400],
        ['2026-12-01', 1200],
      ]
    )
  })

  test('bad periods are refused with the field named', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const backwards = await client
      .get('/api/v1/radius/usage')
      .qs({ from: '2026-11-21', to: '2026-11-20' })
      .headers(tenant.headers)
    backwards.assertStatus(422)
    assert.equal(backwards.body().errors[0].field, 'to')
    const missing = await client.get('/api/v1/radius/usage').headers(tenant.headers)
    missing.assertStatus(422)
    const impossible = await client
      .get('/api/v1/radius/usage')
      .qs({ from: '2026-02-31', to: '2026-03-01' })
      .headers(tenant.headers)
    impossible.assertStatus(422)
  })
})
