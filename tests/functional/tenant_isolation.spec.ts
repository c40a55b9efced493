import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { platformDb, withTenant } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'

async function seedPings() {
  const alpha = await createTenant({ plugins: ['fixture-base'] })
  const beta = await createTenant({ plugins: ['fixture-base'] })
  await platformDb()
    .table('fixture_base_pings')
    .multiInsert([
      { tenant_id: alpha.id, note: 'alpha-1' },
      { tenant_id: alpha.id, note: 'alpha-2' },
      { tenant_id: beta.id, note: 'beta-1' },
    ])
  return { alpha, beta }
}

test.group('Tenant isolation | row-level security', () => {
  test('the app connection sees nothing when no tenant is set (fail closed)', async ({
    assert,
  }) => {
    await seedPings()
    const rows = await db.connection('app').from('fixture_base_pings').select('id')
    assert.lengthOf(rows, 0)
    const tenants = await db.connection('app').from('tenant_plugins').select('plugin_id')
    assert.lengthOf(tenants, 0)
  })

  test('with a tenant set, only that tenant’s rows are visible', async ({ assert }) => {
    const { alpha } = await seedPings()
    const notes = await withTenant(alpha.id, (trx) =>
      trx.from('fixture_base_pings').orderBy('id').select('note')
    )
    assert.deepEqual(
      notes.map((r) => r.note),
      ['alpha-1', 'alpha-2']
    )
  })

  test('writing a row for another tenant is refused by the database', async ({ assert }) => {
    const { alpha, beta } = await seedPings()
    await assert.rejects(
      () =>
        withTenant(alpha.id, (trx) =>
          trx.table('fixture_base_pings').insert({ tenant_id: beta.id, note: 'smuggled' })
        ),
      /row-level security/
    )
    const updated = await withTenant(alpha.id, (trx) =>
      trx.from('fixture_base_pings').where('tenant_id', beta.id).update({ note: 'hijacked' })
    )
    assert.equal(Number(updated), 0)
    const beta1 = await platformDb()
      .from('fixture_base_pings')
      .where('tenant_id', beta.id)
      .select('note')
    assert.deepEqual(
      beta1.map((r) => r.note),
      ['beta-1']
    )
  })

  test('the app role cannot switch row-level security off', async ({ assert }) => {
    const role = await db
      .connection('app')
      .rawQuery('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user')
    assert.deepEqual(role.rows[0], { rolsuper: false, rolbypassrls: false })
    await assert.rejects(
      () =>
        db.connection('app').transaction(async (trx) => {
          await trx.rawQuery('SET LOCAL row_security = off')
          await trx.from('fixture_base_pings').select('id')
        }),
      /row-level security/
    )
  })

  test('every table with a tenant_id column is under row-level security', async ({ assert }) => {
    const result = await platformDb().rawQuery(`
      SELECT c.relname AS table, c.relrowsecurity AS rls,
             EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
      ORDER BY 1`)
    assert.isAbove(result.rows.length, 3)
    const unprotected = result.rows
      .filter((r: any) => !r.rls || !r.has_policy)
      .map((r: any) => r.table)
    assert.deepEqual(
      unprotected,
      [],
      `tables without row-level security: ${unprotected.join(', ')}`
    )
  })

  test('a request that fails after writing leaves nothing behind', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const response = await client
      .post('/api/v1/fixture-base/pings')
      .headers(tenant.headers)
      .json({ note: 'fail-after-write' })
    response.assertStatus(409)
    const rows = await platformDb().from('fixture_base_pings').where('tenant_id', tenant.id)
    assert.lengthOf(rows, 0)
  })
})
