import { createHash } from 'node:crypto'
import { isIP } from 'node:net'
import type { RadiusAttributes } from './rlm_rest.js'
import { count, text } from './rlm_rest.js'
import type { Nas } from './nas_directory.js'
import { GroupCommit } from './group_commit.js'
import { literal, tenantSqlBatch } from './tenant_sql.js'
import { markWrites, settleWrites, type WriteMarks } from './open_sessions.js'

const GIGAWORD = 2 ** 32

/** One accounting packet, as the row it books (or the NAS restart it announces). */
type Booking =
  | { kind: 'restart'; tenantId: string; nasId: string }
  | {
      kind: 'session'
      tenantId: string
      uniqueId: string
      username: string
      /** Columns only the first packet of a session sets */
      insert: string[]
      updatedAt: number
      sessionTime: number
      input: number
      output: number
      framedIp: string | null
      /** Microseconds since the epoch, unique per packet (see `stopMark`) */
      stoppedAt: number | null
      terminateCause: string | null
    }

/**
 * Books one accounting packet; resolves once it is committed, so an answer
 * to the NAS always means the packet is stored. NAS retries repeat packets,
 * and packets can arrive out of order, so every write is an upsert keyed by
 * the session's unique id that never moves counters backwards nor reopens a
 * stopped session. Packets arriving together are written together: one
 * statement and one round trip for a whole batch (see group_commit.ts).
 */
export function bookAccounting(nas: Nas, attributes: RadiusAttributes): Promise<void> {
  return writer.submit(booking(nas, attributes))
}

function booking(nas: Nas, attributes: RadiusAttributes): Booking {
  const status = text(attributes, 'Acct-Status-Type')
  // The NAS restarted: whatever it had open is over.
  if (status === 'Accounting-On' || status === 'Accounting-Off') {
    return { kind: 'restart', tenantId: nas.tenantId, nasId: nas.id }
  }
  const username = text(attributes, 'User-Name') ?? ''
  const sessionId = text(attributes, 'Acct-Session-Id') ?? ''
  const uniqueId = (
    text(attributes, 'Acct-Unique-Session-Id') ??
    createHash('md5').update(`${username},${sessionId},${nas.id}`).digest('hex')
  ).slice(0, 64)
  // Column ranges: an absurd value from a NAS must not fail the packet (and its retries) forever.
  const sessionTime = Math.min(Math.floor(count(attributes, 'Acct-Session-Time')), 2 ** 31 - 1)
  const octets = (name: 'Input' | 'Output') =>
    Math.min(
      Math.floor(
        count(attributes, `Acct-${name}-Gigawords`) * GIGAWORD +
          count(attributes, `Acct-${name}-Octets`)
      ),
      Number.MAX_SAFE_INTEGER
    )
  const now = Date.now()
  const stopped = status === 'Stop'
  const framedIp = text(attributes, 'Framed-IP-Address')
  return {
    kind: 'session',
    tenantId: nas.tenantId,
    uniqueId,
    username: username.slice(0, 128),
    insert: [
      literal(nas.id),
      literal(sessionId.slice(0, 64)),
      literal(username.slice(0, 128)),
      literal(text(attributes, 'Calling-Station-Id')?.slice(0, 64)),
      literal(text(attributes, 'Called-Station-Id')?.slice(0, 128)),
      literal(new Date(now - sessionTime * 1000)),
    ],
    updatedAt: now,
    sessionTime,
    input: octets('Input'),
    output: octets('Output'),
    framedIp: framedIp && isIP(framedIp) ? framedIp : null,
    stoppedAt: stopped ? stopMark(now) : null,
    terminateCause: stopped
      ? (text(attributes, 'Acct-Terminate-Cause')?.slice(0, 40) ?? null)
      : null,
  }
}

type Session = Extract<Booking, { kind: 'session' }>

/** Two packets of one session in the same batch become one row, by the upsert's own rules. */
function merge(first: Session, next: Session): Session {
  return {
    ...first,
    updatedAt: Math.max(first.updatedAt, next.updatedAt),
    sessionTime: Math.max(first.sessionTime, next.sessionTime),
    input: Math.max(first.input, next.input),
    output: Math.max(first.output, next.output),
    framedIp: next.framedIp ?? first.framedIp,
    stoppedAt: first.stoppedAt ?? next.stoppedAt,
    terminateCause: first.terminateCause ?? next.terminateCause,
  }
}

const ts = (ms: number | null) => (ms === null ? 'NULL' : literal(new Date(ms)))

/**
 * The stop time of a Stop packet, in microseconds, never the same twice in
 * this process: the upsert keeps the first stop time of a session, so a row
 * coming back with this very value was closed by this packet (and was open
 * before), which is what moves the open-session count (see open_sessions.ts).
 */
let lastStop = 0
function stopMark(ms: number) {
  lastStop = Math.max(ms * 1000 + Math.floor(Math.random() * 1000), lastStop + 1)
  return lastStop
}

/** A microsecond stop time as a timestamptz literal. */
function stopLiteral(us: number | null) {
  if (us === null) return 'NULL'
  const iso = new Date(Math.floor(us / 1000)).toISOString()
  return `'${iso.slice(0, -1)}${String(us % 1000).padStart(3, '0')}Z'::timestamptz`
}

function upsert(tenantId: string, sessions: Session[]) {
  const rows = sessions.map((s) =>
    [
      literal(tenantId),
      literal(s.uniqueId),
      ...s.insert,
      ts(s.updatedAt),
      stopLiteral(s.stoppedAt),
      literal(s.sessionTime),
      literal(s.input),
      literal(s.output),
      s.framedIp ? `${literal(s.framedIp)}::inet` : 'NULL::inet',
      literal(s.terminateCause),
    ].join(', ')
  )
  return `INSERT INTO radius_sessions (tenant_id, acct_unique_id, nas_id, acct_session_id, username,
      mac_address, called_station_id, started_at, updated_at, stopped_at, session_time, input_octets,
      output_octets, framed_ip, terminate_cause)
    VALUES (${rows.join('), (')})
    ON CONFLICT (tenant_id, acct_unique_id) DO UPDATE SET
      updated_at = GREATEST(radius_sessions.updated_at, EXCLUDED.updated_at),
      session_time = GREATEST(radius_sessions.session_time, EXCLUDED.session_time),
      input_octets = GREATEST(radius_sessions.input_octets, EXCLUDED.input_octets),
      output_octets = GREATEST(radius_sessions.output_octets, EXCLUDED.output_octets),
      framed_ip = COALESCE(EXCLUDED.framed_ip, radius_sessions.framed_ip),
      stopped_at = COALESCE(radius_sessions.stopped_at, EXCLUDED.stopped_at),
      terminate_cause = COALESCE(radius_sessions.terminate_cause, EXCLUDED.terminate_cause)
    RETURNING acct_unique_id, username, stopped_at IS NULL AS open, xmax = 0 AS inserted,
      (extract(epoch FROM stopped_at) * 1000000)::bigint::text AS stopped_us`
}

/**
 * The batch's statements, in arrival order: consecutive sessions of a tenant
 * share one upsert; a NAS restart stays between the packets before and after it.
 */
interface Group {
  tenantId: string
  statements: string[]
  /** For an upsert: each session's stop time sent (µs), to see which rows it closed */
  stops?: Map<string, number | null>
}

function statements(bookings: Booking[]) {
  const groups: Group[] = []
  const open: { tenantId: string; sessions: Map<string, Session> }[] = []
  const close = () => {
    const pending = open.pop()
    if (pending) {
      const sessions = [...pending.sessions.values()]
      groups.push({
        tenantId: pending.tenantId,
        statements: [upsert(pending.tenantId, sessions)],
        stops: new Map(sessions.map((x) => [x.uniqueId, x.stoppedAt])),
      })
    }
  }
  for (const b of bookings) {
    if (b.kind === 'restart') {
      close()
      groups.push({
        tenantId: b.tenantId,
        statements: [
          `UPDATE radius_sessions SET stopped_at = now(), terminate_cause = 'NAS-Reboot'
           WHERE nas_id = ${literal(b.nasId)} AND stopped_at IS NULL`,
        ],
      })
      continue
    }
    if (open[0]?.tenantId !== b.tenantId) {
      close()
      open.push({ tenantId: b.tenantId, sessions: new Map() })
    }
    const { sessions } = open[0]
    const same = sessions.get(b.uniqueId)
    sessions.set(b.uniqueId, same ? merge(same, b) : b)
  }
  close()
  return groups
}

/**
 * One transaction for the batch. When the database refuses the data itself
 * (SQLSTATE class 22 or 23), each packet is retried alone, so one bad packet
 * fails only its own request. The open-session counts in Redis are marked
 * before and moved after (see open_sessions.ts).
 */
async function write(bookings: Booking[]): Promise<(void | Error)[]> {
  const marks: WriteMarks = new Map()
  for (const b of bookings) {
    let mark = marks.get(b.tenantId)
    if (!mark) marks.set(b.tenantId, (mark = { users: new Set(), restart: false, marked: false }))
    if (b.kind === 'restart') mark.restart = true
    else mark.users.add(b.username)
  }
  await markWrites(marks)
  let deltas: Map<string, Map<string, number>> | null = null
  try {
    try {
      const groups = statements(bookings)
      deltas = changes(groups, await tenantSqlBatch(groups))
      return bookings.map(() => undefined)
    } catch (error: any) {
      if (bookings.length === 1 || !/^2[23]/.test(String(error?.code ?? ''))) throw error
    }
    const alone = await Promise.allSettled(bookings.map((b) => tenantSqlBatch(statements([b]))))
    return alone.map((r) =>
      r.status === 'fulfilled'
        ? undefined
        : r.reason instanceof Error
          ? r.reason
          : new Error(String(r.reason))
    )
  } finally {
    // Failed, or written one by one: the counts of the batch's users are dropped (not known).
    await settleWrites(marks, deltas)
  }
}

/**
 * How each user's open sessions changed, per tenant: + 1 for a session
 * inserted open, − 1 for one this write closed (its stop time is the one
 * sent), 0 otherwise (sessions never reopen).
 */
function changes(groups: Group[], results: any[][][]): Map<string, Map<string, number>> {
  const deltas = new Map<string, Map<string, number>>()
  groups.forEach((group, i) => {
    if (!group.stops) return
    let users = deltas.get(group.tenantId)
    if (!users) deltas.set(group.tenantId, (users = new Map()))
    for (const row of results[i][0] as {
      acct_unique_id: string
      username: string
      open: boolean
      inserted: boolean
      stopped_us: string | null
    }[]) {
      const sent = group.stops.get(row.acct_unique_id)
      const change = row.inserted
        ? Number(row.open)
        : !row.open && sent !== null && sent !== undefined && row.stopped_us === String(sent)
          ? -1
          : 0
      users.set(row.username, (users.get(row.username) ?? 0) + change)
    }
  })
  return deltas
}

const writer = new GroupCommit<Booking, void>(write, { maxBatch: 200, concurrency: 4 })
