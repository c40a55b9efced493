import pg from 'pg'
import { runAce } from '../support.js'
import { NAS_IP, REPLY, type BenchUser } from './users.js'

/**
 * The platform side: one tenant with the radius and fixture-accounts plugins
 * enabled, one NAS, and the subscribers in fixture-accounts' plain table
 * (answered through the real `radius.authenticator` extension point).
 */
const SLUG = 'bench-radius'

export async function preparePlatform(env: Record<string, string>, users: BenchUser[]) {
  await runAce(['migration:run', '--force', '--connection=platform'], env)
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    database: env.DB_DATABASE,
    password: env.DB_PASSWORD || undefined,
  })
  await client.connect()
  try {
    // A new tenant id every run: no cached enablement or tenant from an
    // earlier run, and no sessions left open by it (they cascade away).
    await client.query(`DELETE FROM tenants WHERE slug = $1`, [SLUG])
    await client.query(`DELETE FROM radius_nas WHERE ip_address = $1::inet`, [NAS_IP])
    const { rows } = await client.query(
      `INSERT INTO tenants (name, slug, plan) VALUES ('Bench RADIUS', $1, 'pro') RETURNING id`,
      [SLUG]
    )
    const tenantId = rows[0].id as string
    await client.query(
      `INSERT INTO tenant_plugins (tenant_id, plugin_id, enabled)
       SELECT $1, unnest(ARRAY['radius', 'fixture-accounts']), true`,
      [tenantId]
    )
    await client.query(
      `INSERT INTO radius_nas (tenant_id, name, ip_address) VALUES ($1, 'bench-nas', $2::inet)`,
      [tenantId, NAS_IP]
    )
    await client.query(
      `INSERT INTO fixture_radius_accounts (tenant_id, username, password, reply)
       SELECT $1, u, p, $4::jsonb FROM unnest($2::text[], $3::text[]) AS t(u, p)`,
      [tenantId, users.map((u) => u.username), users.map((u) => u.password), JSON.stringify(REPLY)]
    )
    await client.query('ANALYZE fixture_radius_accounts, radius_sessions, radius_auth_log')
    return tenantId
  } finally {
    await client.end()
  }
}

/** Rows the platform wrote for the tenant, to check that the load really went through. */
export async function countPlatformRows(env: Record<string, string>, tenantId: string) {
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    database: env.DB_DATABASE,
    password: env.DB_PASSWORD || undefined,
  })
  await client.connect()
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM radius_auth_log WHERE tenant_id = $1 AND result = 'accept')::int AS logins,
            (SELECT count(*) FROM radius_sessions WHERE tenant_id = $1)::int AS sessions`,
    [tenantId]
  )
  await client.end()
  return rows[0] as { logins: number; sessions: number }
}
