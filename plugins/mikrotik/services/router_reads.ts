import type { RouterClient, RouterRow } from '../routeros/index.js'

/**
 * Read-only views of a router's customer lists. Each print names its fields
 * (`.proplist`): the router never even sends a password to the platform.
 */
const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value)
const flag = (value: string | undefined) => value === 'true' || value === 'yes'

const HOTSPOT_USER_FIELDS = [
  '.id',
  'name',
  'profile',
  'server',
  'mac-address',
  'limit-uptime',
  'limit-bytes-total',
  'comment',
  'disabled',
]
const PPP_SECRET_FIELDS = [
  '.id',
  'name',
  'service',
  'profile',
  'local-address',
  'remote-address',
  'comment',
  'disabled',
]
const LEASE_FIELDS = [
  '.id',
  'address',
  'mac-address',
  'host-name',
  'server',
  'status',
  'expires-after',
  'last-seen',
  'dynamic',
  'blocked',
  'disabled',
]

function hotspotUser(row: RouterRow) {
  return {
    id: row['.id'],
    type: 'hotspot' as const,
    name: row.name ?? '',
    profile: orNull(row.profile),
    server: orNull(row.server),
    macAddress: orNull(row['mac-address']),
    limitUptime: orNull(row['limit-uptime']),
    limitBytesTotal: orNull(row['limit-bytes-total']),
    comment: orNull(row.comment),
    disabled: flag(row.disabled),
  }
}

function pppSecret(row: RouterRow) {
  return {
    id: row['.id'],
    type: 'pppoe' as const,
    name: row.name ?? '',
    service: orNull(row.service),
    profile: orNull(row.profile),
    localAddress: orNull(row['local-address']),
    remoteAddress: orNull(row['remote-address']),
    comment: orNull(row.comment),
    disabled: flag(row.disabled),
  }
}

/** Hotspot users and PPP secrets, without their passwords. */
export async function readUsers(client: RouterClient) {
  const [hotspot, ppp] = await Promise.all([
    client.print('/ip/hotspot/user', { proplist: HOTSPOT_USER_FIELDS }),
    client.print('/ppp/secret', { proplist: PPP_SECRET_FIELDS }),
  ])
  return [...hotspot.map(hotspotUser), ...ppp.map(pppSecret)]
}

export async function readLeases(client: RouterClient) {
  const rows = await client.print('/ip/dhcp-server/lease', { proplist: LEASE_FIELDS })
  return rows.map((row) => ({
    id: row['.id'],
    address: orNull(row.address),
    macAddress: orNull(row['mac-address']),
    hostName: orNull(row['host-name']),
    server: orNull(row.server),
    status: orNull(row.status),
    expiresAfter: orNull(row['expires-after']),
    lastSeen: orNull(row['last-seen']),
    dynamic: flag(row.dynamic),
    blocked: flag(row.blocked),
    disabled: flag(row.disabled),
  }))
}

/** One hotspot user or PPP secret by its `.id`, without the password; null when gone. */
export async function readAccount(client: RouterClient, type: 'hotspot' | 'pppoe', id: string) {
  const menu = type === 'hotspot' ? '/ip/hotspot/user' : '/ppp/secret'
  const fields = type === 'hotspot' ? HOTSPOT_USER_FIELDS : PPP_SECRET_FIELDS
  const [row] = await client.print(menu, { where: { '.id': id }, proplist: fields })
  if (!row) return null
  return type === 'hotspot' ? hotspotUser(row) : pppSecret(row)
}

export type RouterAccount = ReturnType<typeof hotspotUser> | ReturnType<typeof pppSecret>
export type DhcpLease = Awaited<ReturnType<typeof readLeases>>[number]
