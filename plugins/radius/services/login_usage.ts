import type { TenantTransaction } from '#core/tenancy/tenant_db'

export interface LoginUsage {
  /** Seconds of sessions booked since the first login (open sessions count up to their last update) */
  seconds: number
  bytes: number
  sessions: number
  /** Where the first session came from (a MAC lock binds to it) */
  firstMac: string | null
  firstNasIp: string | null
}

/**
 * What a login used since a moment, from this plugin's accounting. Sessions
 * are matched by username from a minute before `since` on, so an earlier
 * holder of the same username never counts for a new one.
 */
export async function loginUsage(
  trx: TenantTransaction,
  username: string,
  since: Date
): Promise<LoginUsage> {
  const from = new Date(since.getTime() - 60_000)
  const [totals] = await trx
    .from('radius_sessions')
    .where('username', username)
    .where('started_at', '>=', from)
    .select(
      trx.raw('coalesce(sum(session_time), 0)::bigint AS seconds'),
      trx.raw('coalesce(sum(input_octets + output_octets), 0)::bigint AS bytes'),
      trx.raw('count(*)::int AS sessions')
    )
  const first = await trx
    .from('radius_sessions as s')
    .leftJoin('radius_nas as n', 'n.id', 's.nas_id')
    .where('s.username', username)
    .where('s.started_at', '>=', from)
    .orderBy('s.started_at')
    .select('s.mac_address', trx.raw('host(n.ip_address) AS nas_ip'))
    .first()
  return {
    seconds: Number(totals.seconds),
    bytes: Number(totals.bytes),
    sessions: totals.sessions,
    firstMac: first?.mac_address ?? null,
    firstNasIp: first?.nas_ip ?? null,
  }
}
