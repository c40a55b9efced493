import { literal, tenantSqlBatch } from './tenant_sql.js'

/** One line of the login log (`radius_auth_log`). */
export interface LoginLogEntry {
  tenantId: string
  username: string
  result: 'accept' | 'reject'
  reason: string | null
  nasIp: string | null
  macAddress: string | null
}

const FLUSH_EVERY_MS = 250
const FLUSH_AT_ROWS = 500
/** When the database is away for long, the oldest lines go first rather than the process memory. */
const KEEP_AT_MOST = 50_000

type Line = LoginLogEntry & { at: Date }

let buffer: Line[] = []
let timer: NodeJS.Timeout | undefined
let flushing: Promise<void> | undefined
let onError: (error: unknown, pending: number) => void = () => {}

/**
 * The login log is written off the login's critical path: lines are kept in
 * memory and written together, a few times a second, in one round trip (one
 * multi-row INSERT per tenant). A failed write keeps the lines for the next
 * try; a graceful stop writes whatever is left (see `stopLoginLog`).
 */
export function logLogin(entry: LoginLogEntry) {
  buffer.push({
    ...entry,
    username: entry.username.slice(0, 128),
    reason: entry.reason?.slice(0, 200) ?? null,
    nasIp: entry.nasIp?.slice(0, 64) ?? null,
    macAddress: entry.macAddress?.slice(0, 64) ?? null,
    at: new Date(),
  })
  if (buffer.length > KEEP_AT_MOST) {
    const over = buffer.length - KEEP_AT_MOST
    buffer = buffer.slice(-KEEP_AT_MOST)
    onError(new Error(`RADIUS login log full: ${over} oldest lines dropped`), buffer.length)
  }
  if (buffer.length >= FLUSH_AT_ROWS) void flushLoginLog()
  else timer ??= setTimeout(() => void flushLoginLog(), FLUSH_EVERY_MS)
}

/** Writes every buffered line now; resolves once they are in the database (or kept after a failure). */
export async function flushLoginLog(): Promise<void> {
  if (flushing) {
    await flushing
    if (!buffer.length) return
  }
  clearTimeout(timer)
  timer = undefined
  if (!buffer.length) return
  const batch = buffer
  buffer = []
  flushing = write(batch)
    .catch((error) => {
      // Back in front of newer lines, for the next attempt.
      buffer = [...batch, ...buffer].slice(-KEEP_AT_MOST)
      onError(error, buffer.length)
      timer ??= setTimeout(() => void flushLoginLog(), 1_000)
    })
    .finally(() => (flushing = undefined))
  await flushing
}

/**
 * One round trip for the whole batch. When the database refuses the data
 * itself (a tenant deleted meanwhile: SQLSTATE class 22 or 23), each tenant's
 * lines are tried alone, so one bad group never holds the others back.
 */
async function write(batch: Line[]) {
  const groups = statementsByTenant(batch)
  try {
    await tenantSqlBatch(groups)
  } catch (error: any) {
    if (!/^2[23]/.test(String(error?.code ?? ''))) throw error
    for (const group of groups) {
      // Refused by the database on its own: these lines are given up (and reported).
      await tenantSqlBatch([group]).catch((alone) => onError(alone, buffer.length))
    }
  }
}

function statementsByTenant(batch: Line[]) {
  const byTenant = new Map<string, string[]>()
  for (const e of batch) {
    const row = `(${literal(e.tenantId)}, ${literal(e.username)}, ${literal(e.result)}, ${literal(e.reason)}, ${literal(e.nasIp)}, ${literal(e.macAddress)}, ${literal(e.at)})`
    const rows = byTenant.get(e.tenantId)
    if (rows) rows.push(row)
    else byTenant.set(e.tenantId, [row])
  }
  return [...byTenant].map(([tenantId, rows]) => ({
    tenantId,
    statements: [
      `INSERT INTO radius_auth_log (tenant_id, username, result, reason, nas_ip, mac_address, created_at) VALUES ${rows.join(', ')}`,
    ],
  }))
}

export function onLoginLogError(handler: (error: unknown, pending: number) => void) {
  onError = handler
}

/** Graceful stop: write what is left (a few attempts, the database may be busy). */
export async function stopLoginLog() {
  for (let attempt = 0; attempt < 3 && (buffer.length || flushing); attempt++) {
    await flushLoginLog()
  }
  clearTimeout(timer)
  timer = undefined
}
