import { encodeAttributes } from '../../plugins/radius/freeradius/radclient.js'
import type { Packet } from './udp_client.js'
import { NAS_IP, type BenchUser } from './users.js'

/** Both load generators (radclient files and the fixed-rate client) send these same packets. */

const mac = (i: number) =>
  [
    '02',
    ...[16, 8, 0].map((shift) => ((i >> shift) & 0xff).toString(16).padStart(2, '0')),
    'aa',
    'bb',
  ]
    .join(':')
    .toUpperCase()

/** PAP logins, one per user in turn: many distinct users, none with an open session. */
export function authPacket(user: BenchUser, i: number): Packet {
  return {
    code: 'Access-Request',
    attributes: {
      'User-Name': user.username,
      'User-Password': user.password,
      'NAS-IP-Address': NAS_IP,
      'NAS-Port': i % 4096,
      'Calling-Station-Id': mac(i),
    },
  }
}

/**
 * `sessions` sessions of fresh users (never the login users, whose
 * simultaneous-use count must stay 0), as phases: all Starts, two rounds of
 * Interim-Update, then all Stops — a 25/50/25 mix that keeps each session's
 * packets in order, as a NAS sends them. `tag` keeps session ids unique per pass.
 */
export function acctPackets(tag: string, sessions: number): Packet[] {
  const phases = ['Start', 'Interim-Update', 'Interim-Update', 'Stop'] as const
  return phases.flatMap((status, phase) =>
    Array.from({ length: sessions }, (_, i): Packet => {
      const time = phase * 300
      return {
        code: 'Accounting-Request',
        attributes: {
          'User-Name': `bench-a-${tag}-${i}`,
          'NAS-IP-Address': NAS_IP,
          'NAS-Port': i % 4096,
          'Acct-Status-Type': status,
          'Acct-Session-Id': `${tag}-${i.toString(16)}`,
          'Framed-IP-Address': `10.${64 + (i >> 16)}.${(i >> 8) & 0xff}.${i & 0xff}`,
          'Calling-Station-Id': mac(i),
          'Acct-Session-Time': time,
          'Acct-Input-Octets': time * 12_000,
          'Acct-Output-Octets': time * 90_000,
          ...(status === 'Stop' ? { 'Acct-Terminate-Cause': 'User-Request' } : {}),
        },
      }
    })
  )
}

/** radclient's `-f` format: packets separated by a blank line. */
export function radclientFile(packets: Packet[]): string {
  return packets.map((p) => encodeAttributes(p.attributes as Record<string, string>)).join('\n')
}
