import env from '#start/env'

/**
 * Knobs of the plugin, read from the environment. They are not declared in
 * start/env.ts (the core's schema), so each is parsed and bounded here: a
 * typo falls back to the default instead of stopping the platform.
 */
function seconds(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw)
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback
}

export const mikrotikConfig = {
  /** How long a synced session list counts as fresh (MIKROTIK_SESSION_CACHE_TTL, seconds). */
  get sessionCacheTtlSeconds() {
    return seconds('MIKROTIK_SESSION_CACHE_TTL', 60, 1, 86_400)
  },
  /** Budget to connect, log in and run one command (MIKROTIK_ROUTER_TIMEOUT_MS). */
  get routerTimeoutMs() {
    return seconds('MIKROTIK_ROUTER_TIMEOUT_MS', 5000, 100, 120_000)
  },
  /** Prefix of every Redis key, shared with the rest of the platform. */
  get redisPrefix() {
    return env.get('REDIS_PREFIX') || 'isp'
  },
}
