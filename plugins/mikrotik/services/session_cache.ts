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

const key = (tenantId: string, routerId: string) =>
  `${mikrotikConfig.redisPrefix}:mikrotik:sessions:${tenantId}:${routerId}`

export async function cacheSessions(tenantId: string, routerId: string, sessions: ActiveSession[]) {
  const value: CachedSessions = { syncedAt: new Date().toISOString(), sessions }
  try {
    await redis.set(
      key(tenantId, routerId),
      JSON.stringify(value),
      'EX',
      mikrotikConfig.sessionCacheTtlSeconds
    )
  } catch (error) {
    logger.warn({ err: error, routerId }, 'mikrotik session cache not written')
  }
  return value
}

export async function cachedSessions(
  tenantId: string,
  routerId: string
): Promise<CachedSessions | null> {
  try {
    const raw = await redis.get(key(tenantId, routerId))
    return raw ? (JSON.parse(raw) as CachedSessions) : null
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
