import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { createMember, createTenant, type TestTenant } from '#tests/helpers/tenants'

/** Tables that hold tenant rows: every table with a tenant_id column. */
async function tenantTables(): Promise<string[]> {
  const result = await platformDb().rawQuery(`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`)
  return result.rows.map((r: any) => r.table_name)
}

/** A fingerprint of every row a tenant owns, to prove nothing of theirs changed. */
async function snapshot(tenantId: string, tables: string[]) {
  const parts: Record<string, string> = {}
  for (const table of tables) {
    const result = await platformDb().rawQuery(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t WHERE tenant_id = ?`,
      [tenantId]
    )
    parts[table] = `${result.rows[0].n}:${result.rows[0].h}`
  }
  return parts
}

/** Ids of the tenant's rows (a few per table), to put into other tenants' URLs. */
async function idsOf(tenantId: string, tables: string[]): Promise<string[]> {
  const ids = new Set<string>()
  for (const table of tables) {
    const hasId = await platformDb().rawQuery(
      `SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = 'id'`,
      [table]
    )
    if (!hasId.rows.length) continue
    const rows = await platformDb()
      .from(table)
      .where('tenant_id', tenantId)
      .orderBy('id')
      .limit(3)
      .select('id')
    for (const row of rows) ids.add(String(row.id))
  }
  return [...ids]
}

async function victimWithData(): Promise<{ tenant: TestTenant; markers: string[] }> {
  const tenant = await createTenant({ plugins: kernel.plugins.ids() })
  const marker = `secret-of-${tenant.slug}`
  await createMember(tenant, ['technician'])
  const [ping] = await platformDb()
    .table('fixture_base_pings')
    .insert({ tenant_id: tenant.id, note: marker })
    .returning('id')
  await platformDb()
    .table('fixture_addon_replies')
    .insert({ tenant_id: tenant.id, ping_id: ping.id, text: marker })
  // Each module's own records too (customers, accounts, packages, vouchers, ...):
  // its demo hook, with the smaller demo data set.
  for (const plugin of kernel.plugins.plugins) {
    if (!plugin.definition.demo) continue
    const { default: seed } = await plugin.definition.demo()
    await seed({ tenantId: tenant.id, tenantSlug: 'beta', password: 'demo-Secret-1' })
  }
  return { tenant, markers: [tenant.id, tenant.slug, tenant.owner.email, marker] }
}

test.group('Tenant isolation | every route, another tenant', () => {
  test('no route reads, writes or reveals another tenant’s data', async ({ client, assert }) => {
    const tables = await tenantTables()
    const { tenant: victim, markers } = await victimWithData()
    const attacker = await createTenant({ plugins: kernel.plugins.ids() })
    const before = await snapshot(victim.id, tables)
    const victimIds = await idsOf(victim.id, tables)
    assert.isAbove(victimIds.length, 4, 'the victim has rows to probe with')
    for (const table of ['customers', 'subscriptions', 'vouchers', 'voucher_batches']) {
      if (!tables.includes(table)) continue
      const [{ n }] = await platformDb().from(table).where('tenant_id', victim.id).count('* as n')
      assert.isAbove(Number(n), 0, `the victim has ${table} to probe with`)
    }

    const routes = Object.values(router.toJSON())
      .flat()
      .filter(
        (r) =>
          r.pattern.startsWith('/api/v1/') ||
          kernel.routes.entries.some((e) => e.pattern === r.pattern)
      )
      .filter((r) => !r.pattern.startsWith('/api/v1/auth/'))
    assert.isAbove(routes.length, 3)

    const problems: string[] = []
    let requests = 0
    for (const route of routes) {
      const params = [...route.pattern.matchAll(/:(\w+)/g)].map((m) => m[1])
      const urls = params.length
        ? victimIds.map((id) => route.pattern.replace(/:(\w+)\??/g, id))
        : [route.pattern]
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        for (const url of urls) {
          let request = client
            .request(url, method as any)
            .headers(attacker.headers)
            .redirects(0)
          if (['POST', 'PUT', 'PATCH'].includes(method)) {
            request = request.json({
              tenantId: victim.id,
              tenant_id: victim.id,
              id: victimIds[0],
              note: 'intrusion',
            })
          }
          const response = await request
          requests++
          const body = response.text()
          const leaked = markers.filter((m) => body.includes(m))
          if (leaked.length)
            problems.push(`${method} ${url} → ${response.status()} reveals ${leaked.join(', ')}`)
          if (response.status() >= 500) problems.push(`${method} ${url} → ${response.status()}`)
          if (params.length && response.status() < 400) {
            problems.push(`${method} ${url} → ${response.status()} for another tenant's id`)
          }
        }
      }
    }
    assert.deepEqual(problems, [], `${problems.length} problems in ${requests} requests`)
    assert.deepEqual(await snapshot(victim.id, tables), before, "the victim's rows are unchanged")
  }).timeout(180_000)
})
