import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { migrationPaths } from '#core/plugins/boot_manifest'

test.group('Plugin kernel | per-plugin migrations', () => {
  test('core migrations run first, then each plugin folder in dependency order', async ({
    assert,
  }) => {
    const paths = await migrationPaths()
    assert.equal(paths[0], './database/migrations')
    const base = paths.indexOf('./tests/fixtures/plugins/fixture-base/database/migrations')
    const addon = paths.indexOf('./tests/fixtures/plugins/fixture-addon/database/migrations')
    assert.isAbove(base, 0)
    assert.isAbove(addon, base)
  })

  test('each plugin migration is recorded under its plugin folder, after its dependency', async ({
    assert,
  }) => {
    const names = (await platformDb().from('adonis_schema').orderBy('id').select('name')).map(
      (r) => r.name as string
    )
    const base = names.findIndex((n) =>
      n.includes('fixture-base/database/migrations/0001_create_fixture_base_pings_table')
    )
    const addon = names.findIndex((n) =>
      n.includes('fixture-addon/database/migrations/0001_create_fixture_addon_replies_table')
    )
    assert.isAbove(base, -1)
    assert.isAbove(addon, base)
    assert.isTrue(names.slice(0, 4).every((n) => n.startsWith('database/migrations/')))
  })

  test('a plugin table may reference the table of a plugin it requires', async ({ assert }) => {
    const fk = await platformDb().rawQuery(`
      SELECT ccu.table_name AS referenced FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.table_name = 'fixture_addon_replies' AND tc.constraint_type = 'FOREIGN KEY'`)
    assert.includeMembers(
      fk.rows.map((r: any) => r.referenced),
      ['fixture_base_pings']
    )
  })

  test('PostGIS is available to plugins (maps)', async ({ assert }) => {
    const result = await platformDb().rawQuery(
      `SELECT ST_AsText(ST_SetSRID(ST_MakePoint(106.8456, -6.2088), 4326)) AS point`
    )
    assert.equal(result.rows[0].point, 'POINT(106.8456 -6.2088)')
  })
})
