import { stringify } from 'csv-stringify/sync'
import { ApiError } from '#core/http/api_error'
import type { TenantTransaction } from '#core/tenancy/tenant_db'
import type { Page } from '#core/http/pagination'

/**
 * Traffic per login per day, from the sessions the NAS reported.
 *
 * A session's counters are totals (octets with gigawords), so a session that
 * crosses midnight is apportioned by time: its traffic is taken as spread
 * evenly over its duration (start to stop, or to the last interim update
 * while it is open), and each day of the tenant's time zone gets the part
 * that fell within it. Parts are computed as differences of a rounded-down
 * running total, so a session's days always add up to its exact total.
 * `sessions` counts the sessions that had time on that day: one crossing
 * midnight counts on both days.
 */

export interface UsageQuery {
  from: string
  to: string
  username?: string
  page?: number
  perPage?: number
}

export interface UsageRow {
  day: string
  username: string
  inputOctets: number
  outputOctets: number
  totalOctets: number
  sessions: number
}

export interface UsageReport extends Page<UsageRow> {
  from: string
  to: string
  timezone: string
  total: { inputOctets: number; outputOctets: number; totalOctets: number }
}

const MAX_DAYS = 366
const CSV_ROWS = 100_000

function checkRange(query: UsageQuery) {
  const from = Date.parse(`${query.from}T00:00:00Z`)
  const to = Date.parse(`${query.to}T00:00:00Z`)
  if (Number.isNaN(from)) {
    throw ApiError.unprocessable([{ field: 'from', message: 'Not a valid day', rule: 'date' }])
  }
  if (Number.isNaN(to)) {
    throw ApiError.unprocessable([{ field: 'to', message: 'Not a valid day', rule: 'date' }])
  }
  const days = (to - from) / 86_400_000
  if (days < 0 || days >= MAX_DAYS) {
    throw ApiError.unprocessable([
      {
        field: 'to',
        message:
          days < 0
            ? 'The end day must not be before the start day'
            : `A report covers at most ${MAX_DAYS} days; split the period`,
        rule: 'range',
      },
    ])
  }
}

/** One row per login and day: the sessions' shares that fell on that day. */
function dailyShares(timezone: string, query: UsageQuery) {
  const bindings: unknown[] = [
    timezone, // start day
    query.from,
    timezone, // end day
    query.to,
    query.from, // range bounds for the session filter
    timezone,
    query.to,
    timezone,
  ]
  let userFilter = ''
  if (query.username) {
    userFilter = 'AND s.username = ?'
    bindings.push(query.username)
  }
  bindings.push(timezone, timezone) // day bounds of each part
  return {
    sql: `
      WITH spans AS (
        SELECT s.username, s.started_at, GREATEST(COALESCE(s.stopped_at, s.updated_at), s.started_at) AS ended_at,
               s.input_octets::numeric AS input_octets, s.output_octets::numeric AS output_octets,
               GREATEST((s.started_at AT TIME ZONE ?)::date, ?::date) AS first_day,
               LEAST((GREATEST(COALESCE(s.stopped_at, s.updated_at), s.started_at) AT TIME ZONE ?)::date, ?::date) AS last_day
          FROM radius_sessions s
         WHERE GREATEST(COALESCE(s.stopped_at, s.updated_at), s.started_at) >= (?::date)::timestamp AT TIME ZONE ?
           AND s.started_at < (?::date + 1)::timestamp AT TIME ZONE ?
           ${userFilter}
      ),
      parts AS (
        SELECT spans.*, d::date AS day,
               GREATEST(spans.started_at, (d::date)::timestamp AT TIME ZONE ?) AS part_start,
               LEAST(spans.ended_at, (d::date + 1)::timestamp AT TIME ZONE ?) AS part_end,
               EXTRACT(EPOCH FROM spans.ended_at - spans.started_at) AS duration
          FROM spans, generate_series(spans.first_day, spans.last_day, interval '1 day') AS d
      ),
      shares AS (
        SELECT username, day,
               CASE WHEN duration = 0 THEN input_octets ELSE
                 floor(input_octets * EXTRACT(EPOCH FROM part_end - started_at) / duration)
                 - floor(input_octets * EXTRACT(EPOCH FROM part_start - started_at) / duration) END AS input_part,
               CASE WHEN duration = 0 THEN output_octets ELSE
                 floor(output_octets * EXTRACT(EPOCH FROM part_end - started_at) / duration)
                 - floor(output_octets * EXTRACT(EPOCH FROM part_start - started_at) / duration) END AS output_part
          FROM parts
         WHERE part_end > part_start OR duration = 0
      )
      SELECT to_char(day, 'YYYY-MM-DD') AS day, username,
             sum(input_part) AS input_octets, sum(output_part) AS output_octets, count(*) AS sessions,
             count(*) OVER () AS total_rows,
             sum(sum(input_part)) OVER () AS all_input, sum(sum(output_part)) OVER () AS all_output
        FROM shares
       GROUP BY day, username`,
    bindings,
  }
}

async function rows(
  trx: TenantTransaction,
  timezone: string,
  query: UsageQuery,
  limit: number,
  offset: number
) {
  const { sql, bindings } = dailyShares(timezone, query)
  const result = await trx.rawQuery(`${sql} ORDER BY day DESC, username LIMIT ? OFFSET ?`, [
    ...bindings,
    limit,
    offset,
  ] as any[])
  return result.rows as any[]
}

const toRow = (row: any): UsageRow => ({
  day: row.day,
  username: row.username,
  inputOctets: Number(row.input_octets),
  outputOctets: Number(row.output_octets),
  totalOctets: Number(row.input_octets) + Number(row.output_octets),
  sessions: Number(row.sessions),
})

export async function usageReport(
  trx: TenantTransaction,
  timezone: string,
  query: UsageQuery
): Promise<UsageReport> {
  checkRange(query)
  const page = query.page ?? 1
  const perPage = query.perPage ?? 50
  const found = await rows(trx, timezone, query, perPage, (page - 1) * perPage)
  let first = found[0]
  // A page past the end has no rows to carry the totals: ask for the first row only.
  if (!first && page > 1) first = (await rows(trx, timezone, query, 1, 0))[0]
  const total = Number(first?.total_rows ?? 0)
  const input = Number(first?.all_input ?? 0)
  const output = Number(first?.all_output ?? 0)
  return {
    from: query.from,
    to: query.to,
    timezone,
    data: found.map(toRow),
    meta: { total, page, perPage, lastPage: Math.max(1, Math.ceil(total / perPage)) },
    total: { inputOctets: input, outputOctets: output, totalOctets: input + output },
  }
}

export async function usageCsv(trx: TenantTransaction, timezone: string, query: UsageQuery) {
  checkRange(query)
  const found = (await rows(trx, timezone, query, CSV_ROWS, 0)).map(toRow)
  return stringify(found, {
    header: true,
    columns: [
      { key: 'day', header: 'day' },
      { key: 'username', header: 'username' },
      { key: 'inputOctets', header: 'input_octets' },
      { key: 'outputOctets', header: 'output_octets' },
      { key: 'totalOctets', header: 'total_octets' },
      { key: 'sessions', header: 'sessions' },
    ],
  })
}
