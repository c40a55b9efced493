import { spawn, execFile } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import { parseEnv, promisify } from 'node:util'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** The app's .env, with the bench's own database, Redis prefix and overrides. */
export function benchEnv(overrides: Record<string, string>): Record<string, string> {
  const file = existsSync(`${ROOT}.env`) ? parseEnv(readFileSync(`${ROOT}.env`, 'utf8')) : {}
  return {
    ...(process.env as Record<string, string>),
    ...(file as Record<string, string>),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DB_DATABASE: 'isp_platform_bench',
    REDIS_PREFIX: 'isp_bench',
    ...overrides,
  }
}

export async function runAce(args: string[], env: Record<string, string>) {
  await ensureDatabase(env)
  await promisify(execFile)(process.execPath, ['ace.js', ...args], { cwd: ROOT, env })
}

async function ensureDatabase(env: Record<string, string>) {
  const pg = (await import('pg')).default
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    database: 'postgres',
    password: env.DB_PASSWORD || undefined,
  })
  await client.connect()
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
    env.DB_DATABASE,
  ])
  if (!found.rowCount) await client.query(`CREATE DATABASE "${env.DB_DATABASE}"`)
  await client.end()
}

/**
 * Starts the web server in its own process and waits until it answers.
 * With PROFILE_DIR set, the server writes a V8 CPU profile there on exit.
 */
export async function startApp(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.PROFILE_DIR
        ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.PROFILE_DIR]
        : []),
      '--import=@poppinss/ts-exec',
      'bin/server.ts',
    ],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    }
  )
  const url = `http://127.0.0.1:${env.PORT}/health/live`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export function printTable(title: string, rows: string[][]) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |'
  console.log(`\n${title}\n`)
  console.log(line(rows[0]))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  for (const r of rows.slice(1)) console.log(line(r))
  console.log()
}
