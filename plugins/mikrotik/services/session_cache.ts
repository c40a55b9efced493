import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'
import { mikrotikConfig } from './config.js'
import type { ActiveSession } from './router_sessions.js'

/**
 * The last synced session list of each router, in Redis for a short while
 * (MIKROTIK_SESSION_CACHE_TTL, 60 s by default) so that a busy panel does not
 * ask the router on every refresh. The cache only saves router round trips:
 * when Redis is unavailable, reads miss and writes are skipped.
 */
export interface CachedSessions {
  syncedAt: string
  sessions: ActiveSession[]
}

/**
 * Stored compact: one array per session, fields by position, so a router
 * with thousands of customers does not repeat every key name thousands of
 * times (about half the bytes, and faster to encode and decode).
 */
type Packed = [
  id: string,
  type: 0 | 1,
  user: string,
  address: string | null,
  macAddress: string | null,
  uptime: string | null,
  bytesIn: number | null,
  bytesOut: number | null,
]
interface Stored {
  v: 2
  syncedAt: string
  rows: Packed[]
}

const key = (tenantId: string, routerId: string) =>
  `${mikrotikConfig.redisPrefix}:mikrotik:sessions:${tenantId}:${routerId}`

function pack(s: ActiveSession): Packed {
  return [
    s.id,
    s.type === 'hotspot' ? 0 : 1,
    s.user,
    s.address,
    s.macAddress,
    s.uptime,
    s.bytesIn,
    s.bytesOut,
  ]
}

function unpack(row: Packed): ActiveSession {
  return {
    id: row[0],
    type: row[1] === 0 ? 'hotspot' : 'pppoe',
    user: row[2],
    address: row[3],
    macAddress: row[4],
    uptime: row[5],
    bytesIn: row[6],
    bytesOut: row[7],
  }
}

export async function cacheSessions(tenantId: string, routerId: string, sessions: ActiveSession[]) {
  const syncedAt = new Date().toISOString()
  const stored: Stored = { v: 2, syncedAt, rows: sessions.map(pack) }
  try {
    await redis.set(
      key(tenantId, routerId),
      JSON.stringify(stored),
      'EX',
      mikrotikConfig.sessionCacheTtlSeconds
    )
  } catch (error) {
    logger.warn({ err: error, routerId }, 'mikrotik session cache not written')
  }
  return { syncedAt, sessions }
}

export async function cachedSessions(
  tenantId: string,
  routerId: string
): Promise<CachedSessions | null> {
  try {
    const raw = await redis.get(key(tenantId, routerId))
    if (!raw) return null
    const stored = JSON.parse(raw) as Partial<Stored>
    // An entry in another layout (written by an older version) is a miss, not an error.
    if (stored.v !== 2 || !Array.isArray(stored.rows) || !stored.syncedAt) return null
    return { syncedAt: stored.syncedAt, sessions: stored.rows.map(unpack) }
  } catch (error) {
    logger.warn({ err: error, routerId }, 'mikrotik session cache not readable')
    return null
  }
}

/** After a disconnect or a change of router, the cached list is wrong: drop it. */
export async function forgetSessions(tenantId: string, routerId: string) {
  try {
    await redis.del(key(tenantId, routerId))
  } catch (error) {
    logger.warn({ err: error, routerId }, 'mikrotik session cache not cleared')
  }
}
