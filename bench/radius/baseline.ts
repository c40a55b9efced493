import { mkdtemp, readFile, readdir, rm, mkdir, writeFile, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { freePorts } from '../../plugins/radius/freeradius/harness.js'
import { startFreeradius } from '../../plugins/radius/freeradius/freeradius_process.js'
import { REPLY, type BenchUser } from './users.js'

/**
 * The baseline: FreeRADIUS with rlm_sql on the stock PostgreSQL schema, as
 * shipped by Debian's freeradius-postgresql (daloRADIUS and similar panels
 * write into these tables).
 */
const STOCK_DIR = '/etc/freeradius/3.0/mods-config/sql/main/postgresql'
const TEMPLATES = fileURLToPath(new URL('./templates/', import.meta.url))
export const SQL_DB = 'radius_sql_bench'

type Env = Record<string, string>

const connect = (env: Env, database: string) =>
  new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database,
  })

/** A fresh database every run: the stock schema has no IF NOT EXISTS on its indexes. */
export async function prepareSqlDatabase(env: Env, users: BenchUser[]) {
  const schema = await readFile(`${STOCK_DIR}/schema.sql`, 'utf8').catch(() => {
    throw new Error(`${STOCK_DIR}/schema.sql is missing: apt-get install -y freeradius-postgresql`)
  })
  const admin = connect(env, 'postgres')
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${SQL_DB} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${SQL_DB}`)
  await admin.end()

  const client = connect(env, SQL_DB)
  await client.connect()
  try {
    await client.query(schema)
    // `:=` puts the value in the control list, as a panel writes it.
    const names = users.map((u) => u.username)
    await client.query(
      `INSERT INTO radcheck (username, attribute, op, value)
       SELECT u, 'Cleartext-Password', ':=', p FROM unnest($1::text[], $2::text[]) AS t(u, p)
       UNION ALL SELECT u, 'Simultaneous-Use', ':=', '1' FROM unnest($1::text[]) AS t(u)`,
      [names, users.map((u) => u.password)]
    )
    for (const [attribute, value] of Object.entries(REPLY)) {
      await client.query(
        `INSERT INTO radreply (username, attribute, op, value)
         SELECT u, $2, '=', $3 FROM unnest($1::text[]) AS t(u)`,
        [names, attribute, String(value)]
      )
    }
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
}

export async function dropSqlDatabase(env: Env) {
  const admin = connect(env, 'postgres')
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${SQL_DB} WITH (FORCE)`)
  await admin.end()
}

/** Rows the baseline wrote, to check that the load really went through SQL. */
export async function countSqlRows(env: Env) {
  const client = connect(env, SQL_DB)
  await client.connect()
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM radpostauth)::int AS logins, (SELECT count(*) FROM radacct)::int AS sessions`
  )
  await client.end()
  return rows[0] as { logins: number; sessions: number }
}

export async function startBaseline(env: Env, nasSecret: string) {
  const configDir = await mkdtemp(join(tmpdir(), 'freeradius-sql-'))
  try {
    const [authPort, acctPort] = await freePorts(2, 'udp')
    await render(configDir, {
      config_dir: configDir,
      lib_dir: '/usr/lib/freeradius',
      dictionary_dir: '/usr/share/freeradius',
      auth_port: String(authPort),
      acct_port: String(acctPort),
      nas_secret: nasSecret,
      db_host: env.DB_HOST,
      db_port: String(env.DB_PORT),
      db_user: env.DB_USER,
      db_password: env.DB_PASSWORD ?? '',
      db_name: SQL_DB,
      stock_queries: `${STOCK_DIR}/queries.conf`,
    })
    const server = await startFreeradius({ configDir })
    return {
      authPort,
      acctPort,
      server,
      stop: async () => {
        await server.stop()
        await rm(configDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await rm(configDir, { recursive: true, force: true })
    throw error
  }
}

/** Fills `{{name}}` in every template; a quote or newline in a value would rewrite the config. */
async function render(outputDir: string, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    if (/['"\\\r\n]/.test(value)) throw new Error(`baseline config: ${name} has a quote or newline`)
  }
  // FreeRADIUS refuses a world-writable config dir.
  await chmod(outputDir, 0o750)
  for (const path of await readdir(TEMPLATES, { recursive: true, withFileTypes: true })) {
    if (!path.isFile()) continue
    const source = join(path.parentPath, path.name)
    const target = join(outputDir, relative(TEMPLATES, source))
    const text = (await readFile(source, 'utf8')).replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
      if (values[key] === undefined) throw new Error(`${source}: unknown placeholder ${key}`)
      return values[key]
    })
    await mkdir(dirname(target), { recursive: true, mode: 0o750 })
    await writeFile(target, text, { mode: 0o640 })
  }
}
