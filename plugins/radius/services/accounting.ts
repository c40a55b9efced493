import { createHash } from 'node:crypto'
import { isIP } from 'node:net'
import type { RadiusAttributes } from './rlm_rest.js'
import { count, text } from './rlm_rest.js'
import type { Nas } from './nas_directory.js'
import { literal, tenantSql } from './tenant_sql.js'

const GIGAWORD = 2 ** 32

/**
 * Books one accounting packet in one statement and one round trip. NAS
 * retries repeat packets, and packets can arrive out of order, so every
 * write is an upsert keyed by the session's unique id that never moves
 * counters backwards nor reopens a stopped session.
 */
export async function bookAccounting(nas: Nas, attributes: RadiusAttributes) {
  const status = text(attributes, 'Acct-Status-Type')
  if (status === 'Accounting-On' || status === 'Accounting-Off') {
    // The NAS restarted: whatever it had open is over.
    await tenantSql(nas.tenantId, [
      `UPDATE radius_sessions SET stopped_at = now(), terminate_cause = 'NAS-Reboot'
       WHERE nas_id = ${literal(nas.id)} AND stopped_at IS NULL`,
    ])
    return
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
  // Column ranges: an absurd value from a NAS must not fail the packet (and its retries) forever.
  const sessionTime = Math.min(Math.floor(count(attributes, 'Acct-Session-Time')), 2 ** 31 - 1)
  const now = new Date()
  const startedAt = new Date(now.getTime() - sessionTime * 1000)
  const stopped = status === 'Stop'
  const framedIp = text(attributes, 'Framed-IP-Address')

  await tenantSql(nas.tenantId, [
    `INSERT INTO radius_sessions (tenant_id, nas_id, acct_unique_id, acct_session_id, username, framed_ip,
       mac_address, called_station_id, started_at, updated_at, stopped_at, session_time, input_octets,
       output_octets, terminate_cause)
     VALUES (${[
       literal(nas.tenantId),
       literal(nas.id),
       literal(uniqueId.slice(0, 64)),
       literal(sessionId.slice(0, 64)),
       literal(username.slice(0, 128)),
       framedIp && isIP(framedIp) ? `${literal(framedIp)}::inet` : 'NULL',
       literal(text(attributes, 'Calling-Station-Id')?.slice(0, 64)),
       literal(text(attributes, 'Called-Station-Id')?.slice(0, 128)),
       literal(startedAt),
       literal(now),
       stopped ? literal(now) : 'NULL',
       literal(sessionTime),
       literal(Math.min(Math.floor(input), Number.MAX_SAFE_INTEGER)),
       literal(Math.min(Math.floor(output), Number.MAX_SAFE_INTEGER)),
       stopped ? literal(text(attributes, 'Acct-Terminate-Cause')?.slice(0, 40)) : 'NULL',
     ].join(', ')})
     ON CONFLICT (tenant_id, acct_unique_id) DO UPDATE SET
       updated_at = GREATEST(radius_sessions.updated_at, EXCLUDED.updated_at),
       session_time = GREATEST(radius_sessions.session_time, EXCLUDED.session_time),
       input_octets = GREATEST(radius_sessions.input_octets, EXCLUDED.input_octets),
       output_octets = GREATEST(radius_sessions.output_octets, EXCLUDED.output_octets),
       framed_ip = COALESCE(EXCLUDED.framed_ip, radius_sessions.framed_ip),
       stopped_at = COALESCE(radius_sessions.stopped_at, EXCLUDED.stopped_at),
       terminate_cause = COALESCE(radius_sessions.terminate_cause, EXCLUDED.terminate_cause)`,
  ])
}
