import { readFile } from 'node:fs/promises'
import pg from 'pg'

/**
 * CPU time spent by each process taking part, read from /proc (Linux), so a
 * pass can say where a request's cost goes: app, FreeRADIUS or PostgreSQL.
 */
const TICKS_PER_SECOND = 100

async function cpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return 0 // the process is gone
  }
}

/** PostgreSQL backends serving one database: the pools of the app or of rlm_sql. */
async function backends(env: Record<string, string>, database: string): Promise<number[]> {
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD || undefined,
    database: 'postgres',
  })
  await client.connect()
  const { rows } = await client.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database]
  )
  await client.end()
  return rows.map((r) => Number(r.pid))
}

export interface CpuSnapshot {
  [pid: number]: number
}

export async function snapshot(pids: number[], env: Record<string, string>, database: string) {
  const all = [...pids, ...(await backends(env, database))]
  const shot: CpuSnapshot = {}
  for (const pid of all) shot[pid] = await cpuMs(pid)
  return shot
}

/** Milliseconds of CPU between two snapshots, for the named pids and for all the others (the backends). */
export function spent(before: CpuSnapshot, after: CpuSnapshot, named: number[]) {
  const delta = (pid: number) => (after[pid] ?? 0) - (before[pid] ?? 0)
  const others = Object.keys(after)
    .map(Number)
    .filter((pid) => !named.includes(pid))
    .reduce((sum, pid) => sum + delta(pid), 0)
  return { named: named.map(delta), others }
}
