import type { RouterClient, RouterRow } from '../routeros/index.js'

/** An online customer, the same shape for hotspot and PPPoE. */
export interface ActiveSession {
  /** RouterOS `.id`, e.g. `*1A`: unique per menu, so always paired with `type` */
  id: string
  type: 'hotspot' | 'pppoe'
  user: string
  address: string | null
  macAddress: string | null
  uptime: string | null
  /** Null for PPPoE: /ppp/active carries no byte counters */
  bytesIn: number | null
  bytesOut: number | null
}

export const SESSION_MENUS = { hotspot: '/ip/hotspot/active', pppoe: '/ppp/active' } as const
export type SessionType = keyof typeof SESSION_MENUS

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value)
const bytes = (value: string | undefined) => {
  const parsed = orNull(value) === null ? Number.NaN : Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

export function hotspotSession(row: RouterRow): ActiveSession {
  return {
    id: row['.id'],
    type: 'hotspot',
    user: row.user ?? '',
    address: orNull(row.address),
    macAddress: orNull(row['mac-address']),
    uptime: orNull(row.uptime),
    bytesIn: bytes(row['bytes-in']),
    bytesOut: bytes(row['bytes-out']),
  }
}

export function pppoeSession(row: RouterRow): ActiveSession {
  return {
    id: row['.id'],
    type: 'pppoe',
    user: row.name ?? '',
    address: orNull(row.address),
    // For PPPoE the caller id is the customer's MAC address.
    macAddress: orNull(row['caller-id']),
    uptime: orNull(row.uptime),
    bytesIn: null,
    bytesOut: null,
  }
}

/** Hotspot and PPPoE sessions, read over one connection. */
export async function readSessions(client: RouterClient): Promise<ActiveSession[]> {
  const [hotspot, pppoe] = await Promise.all([
    client.print(SESSION_MENUS.hotspot),
    client.print(SESSION_MENUS.pppoe),
  ])
  return [...hotspot.map(hotspotSession), ...pppoe.map(pppoeSession)]
}
