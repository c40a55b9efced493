import type { TenantTransaction } from '#core/tenancy/tenant_db'
import { escapeLike, paginate, type Page } from '#core/http/pagination'

/** Sessions and the login log as the panel and the API list them. */

export interface SessionFilters {
  page?: number
  perPage?: number
  username?: string
  nasId?: string
  /** Days in the tenant's time zone (`YYYY-MM-DD`), on the session's start */
  from?: string
  to?: string
  terminateCause?: string
  open?: boolean
}

export interface SessionItem {
  id: string
  username: string
  nasId: string | null
  nasName: string | null
  framedIp: string | null
  macAddress: string | null
  startedAt: string
  updatedAt: string
  stoppedAt: string | null
  sessionTime: number
  inputOctets: number
  outputOctets: number
  terminateCause: string | null
}

const iso = (value: Date | string | null) =>
  value === null ? null : value instanceof Date ? value.toISOString() : value

function presentSession(row: any): SessionItem {
  return {
    id: String(row.id),
    username: row.username,
    nasId: row.nas_id,
    nasName: row.nas_name ?? null,
    framedIp: row.framed_ip,
    macAddress: row.mac_address,
    startedAt: iso(row.started_at)!,
    updatedAt: iso(row.updated_at)!,
    stoppedAt: iso(row.stopped_at),
    sessionTime: Number(row.session_time),
    inputOctets: Number(row.input_octets),
    outputOctets: Number(row.output_octets),
    terminateCause: row.terminate_cause,
  }
}

export function listSessions(
  trx: TenantTransaction,
  timezone: string,
  filters: SessionFilters
): Promise<Page<SessionItem>> {
  const query = trx.from('radius_sessions as s').leftJoin('radius_nas as n', 'n.id', 's.nas_id')
  if (filters.username) {
    query.whereILike('s.username', `%${escapeLike(filters.username)}%`)
  }
  if (filters.nasId) query.where('s.nas_id', filters.nasId)
  if (filters.open) query.whereNull('s.stopped_at')
  if (filters.terminateCause) query.where('s.terminate_cause', filters.terminateCause)
  // Day bounds in the tenant's zone, so the start column's index still serves the range.
  if (filters.from) {
    query.whereRaw('s.started_at >= (?::date)::timestamp AT TIME ZONE ?', [filters.from, timezone])
  }
  if (filters.to) {
    query.whereRaw('s.started_at < (?::date + 1)::timestamp AT TIME ZONE ?', [filters.to, timezone])
  }
  return paginate(
    query,
    filters,
    (q) =>
      q.select('s.*', 'n.name as nas_name').orderBy('s.started_at', 'desc').orderBy('s.id', 'desc'),
    presentSession
  )
}

/** The ways sessions of this tenant ended, for the history filter. */
export async function terminateCauses(trx: TenantTransaction): Promise<string[]> {
  const rows = await trx
    .from('radius_sessions')
    .whereNotNull('terminate_cause')
    .distinct('terminate_cause')
    .orderBy('terminate_cause')
    .limit(50)
  return rows.map((row: { terminate_cause: string }) => row.terminate_cause)
}

export interface AuthLogFilters {
  page?: number
  perPage?: number
  username?: string
  result?: 'accept' | 'reject'
  reason?: string
}

export interface AuthLogItem {
  id: string
  username: string
  result: string
  reason: string | null
  nasIp: string | null
  macAddress: string | null
  createdAt: string
}

export function listAuthLog(
  trx: TenantTransaction,
  filters: AuthLogFilters
): Promise<Page<AuthLogItem>> {
  const query = trx.from('radius_auth_log')
  if (filters.username) query.whereILike('username', `%${escapeLike(filters.username)}%`)
  if (filters.result) query.where('result', filters.result)
  if (filters.reason) query.whereILike('reason', `%${escapeLike(filters.reason)}%`)
  return paginate(
    query,
    filters,
    (q) => q.select('*').orderBy('id', 'desc'),
    (row: any) => ({
      id: String(row.id),
      username: row.username,
      result: row.result,
      reason: row.reason,
      nasIp: row.nas_ip,
      macAddress: row.mac_address,
      createdAt: iso(row.created_at)!,
    })
  )
}
