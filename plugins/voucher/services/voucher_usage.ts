import type { TenantTransaction } from '#core/tenancy/tenant_db'

export interface VoucherUsage {
  /** Seconds of sessions booked since the first login (open sessions count up to their last update) */
  seconds: number
  bytes: number
  sessions: number
  /** Where the first session came from, for the voucher's record and the MAC lock */
  firstMac: string | null
  firstNasIp: string | null
}

/**
 * What the voucher used, from the RADIUS plugin's accounting (this plugin
 * requires it). Sessions are matched by username from a minute before the
 * first login on, so a deleted voucher's old sessions never count for a new one.
 */
export async function voucherUsage(
  trx: TenantTransaction,
  username: string,
  since: Date
): Promise<VoucherUsage> {
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
