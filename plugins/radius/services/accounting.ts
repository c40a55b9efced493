import { createHash } from 'node:crypto'
import { withTenant } from '#core/tenancy/tenant_db'
import type { RadiusAttributes } from './rlm_rest.js'
import { count, text } from './rlm_rest.js'
import type { Nas } from './nas_directory.js'

const GIGAWORD = 2 ** 32

/**
 * Books one accounting packet. NAS retries repeat packets, and packets can
 * arrive out of order, so every write is an upsert keyed by the session's
 * unique id that never moves counters backwards nor reopens a stopped session.
 */
export async function bookAccounting(nas: Nas, attributes: RadiusAttributes) {
  const status = text(attributes, 'Acct-Status-Type')
  if (status === 'Accounting-On' || status === 'Accounting-Off') {
    // The NAS restarted: whatever it had open is over.
    return withTenant(nas.tenantId, (trx) =>
      trx
        .from('radius_sessions')
        .where('nas_id', nas.id)
        .whereNull('stopped_at')
        .update({ stopped_at: new Date(), terminate_cause: 'NAS-Reboot' })
    )
  }
  const username = text(attributes, 'User-Name') ?? ''
  const sessionId = text(attributes, 'Acct-Session-Id') ?? ''
  const uniqueId =
    text(attributes, 'Acct-Unique-Session-Id') ??
    createHash('md5').update(`${username},${sessionId},${nas.id}`).digest('hex')
  const input =
    count(attributes, 'Acct-Input-Gigawords') * GIGAWORD + count(attributes, 'Acct-Input-Octets')
  const output =
    count(attributes, 'Acct-Output-Gigawords') * GIGAWORD + count(attributes, 'Acct-Output-Octets')
  const sessionTime = count(attributes, 'Acct-Session-Time')
  const now = new Date()
  const startedAt = new Date(now.getTime() - sessionTime * 1000)
  const stopped = status === 'Stop'

  await withTenant(nas.tenantId, (trx) =>
    trx.rawQuery(
      `INSERT INTO radius_sessions (tenant_id, nas_id, acct_unique_id, acct_session_id, username, framed_ip,
         mac_address, called_station_id, started_at, updated_at, stopped_at, session_time, input_octets,
         output_octets, terminate_cause)
       VALUES (?, ?, ?, ?, ?, ?::inet, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, acct_unique_id) DO UPDATE SET
         updated_at = GREATEST(radius_sessions.updated_at, EXCLUDED.updated_at),
         session_time = GREATEST(radius_sessions.session_time, EXCLUDED.session_time),
         input_octets = GREATEST(radius_sessions.input_octets, EXCLUDED.input_octets),
         output_octets = GREATEST(radius_sessions.output_octets, EXCLUDED.output_octets),
         framed_ip = COALESCE(EXCLUDED.framed_ip, radius_sessions.framed_ip),
         stopped_at = COALESCE(radius_sessions.stopped_at, EXCLUDED.stopped_at),
         terminate_cause = COALESCE(radius_sessions.terminate_cause, EXCLUDED.terminate_cause)`,
      // Raw bindings accept null at run time; the type only lists non-null values.
      [
        nas.tenantId,
        nas.id,
        uniqueId.slice(0, 64),
        sessionId.slice(0, 64),
        username.slice(0, 128),
        text(attributes, 'Framed-IP-Address') ?? null,
        text(attributes, 'Calling-Station-Id')?.slice(0, 64) ?? null,
        text(attributes, 'Called-Station-Id')?.slice(0, 128) ?? null,
        startedAt,
        now,
        stopped ? now : null,
        sessionTime,
        input,
        output,
        stopped ? (text(attributes, 'Acct-Terminate-Cause')?.slice(0, 40) ?? null) : null,
      ] as any[]
    )
  )
}
