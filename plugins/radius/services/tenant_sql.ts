import app from '@adonisjs/core/services/app'
import pg from 'pg'

/**
 * The RADIUS hot path's own small pool on the app role (row-level security
 * applies to it, as to every tenant query). Each call is a single round trip:
 * `set_config` and the statements go in one simple-protocol message, which
 * PostgreSQL runs as one implicit transaction, so the tenant set by
 * `set_config(..., true)` holds for exactly those statements and no longer.
 *
 * Values are written into the text as literals: `literal()` is the only way
 * a value may enter a statement here.
 */
let pool: pg.Pool | undefined

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function getPool() {
  if (!pool) {
    const connection = app.config.get<Record<string, any>>('database.connections.app.connection')
    pool = new pg.Pool({
      host: connection.host,
      port: Number(connection.port),
      database: connection.database,
      user: connection.user,
      password: connection.password || undefined,
      max: 8,
      idleTimeoutMillis: 30_000,
      // A saturated database answers the NAS with a failure instead of a queue that never drains.
      connectionTimeoutMillis: 1_000,
    })
    // An idle client that loses its server is dropped by the pool; nothing to do here.
    pool.on('error', () => {})
  }
  return pool
}

/** A SQL literal: strings quoted and escaped, numbers checked, null, dates as ISO text. */
export function literal(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('SQL literal: not a finite number')
    return String(value)
  }
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString())
  // NUL cannot be stored in text columns: drop it rather than fail the statement.
  return pg.escapeLiteral(value.replaceAll('\0', ''))
}

/**
 * Runs `statements` (already holding their literals) for the tenant in one
 * round trip and returns the rows of each statement, in order.
 */
export async function tenantSql(tenantId: string, statements: string[]): Promise<any[][]> {
  const [rows] = await tenantSqlBatch([{ tenantId, statements }])
  return rows
}

/**
 * Statements of several tenants in one round trip and one transaction: each
 * group sets its tenant before its statements, so row-level security checks
 * every row against the tenant of its own group. Returns, per group, the rows
 * of each of its statements.
 */
export async function tenantSqlBatch(
  groups: { tenantId: string; statements: string[] }[]
): Promise<any[][][]> {
  if (!groups.length) return []
  const parts: string[] = []
  for (const { tenantId, statements } of groups) {
    if (!UUID.test(tenantId)) throw new Error('tenantSql: the tenant id is not a uuid')
    parts.push(`SELECT set_config('app.tenant_id', '${tenantId}', true)`, ...statements)
  }
  const results = (await getPool().query(parts.join(';\n'))) as unknown as
    pg.QueryResult | pg.QueryResult[]
  const list = Array.isArray(results) ? results : [results]
  let at = 0
  return groups.map(({ statements }) => {
    const rows = list.slice(at + 1, at + 1 + statements.length).map((r) => r.rows)
    at += 1 + statements.length
    return rows
  })
}

/** Clients waiting for a connection: a measure of how far behind the database is. */
export function waitingForDatabase() {
  return pool?.waitingCount ?? 0
}

export async function closeTenantSql() {
  const closing = pool
  pool = undefined
  await closing?.end()
}
