import { isIP } from 'node:net'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import { TieredCache } from '#core/cache/tiered_cache'
import { platformDb } from '#core/tenancy/tenant_db'

export interface Nas {
  id: string
  tenantId: string
  name: string
}

let cache: TieredCache<Nas | null> | undefined
const nasCache = () =>
  (cache ??= new TieredCache<Nas | null>(redis, {
    namespace: 'radius-nas',
    prefix: env.get('REDIS_PREFIX') || 'isp',
    localTtlMs: 30_000,
    redisTtlSeconds: 600,
    serialize: (nas) => JSON.stringify(nas),
    deserialize: (raw) => JSON.parse(raw),
  }))

/**
 * Which tenant a NAS belongs to, by the address it asks from. The one
 * cross-tenant read of the RADIUS path (the packet names no tenant): it runs
 * for every login and accounting packet, so it is answered from process
 * memory, then Redis, and a change anywhere reaches every process through
 * Redis (`forgetNas`). A database error is not taken for "unknown NAS".
 */
export function findNas(address: string | undefined): Promise<Nas | null> | Nas | null {
  if (!address || !isIP(address)) return null
  const hit = nasCache().peek(address)
  if (hit !== undefined) return hit
  return nasCache().get(address, async () => {
    const row = await platformDb()
      .from('radius_nas')
      .whereRaw('ip_address = ?::inet', [address])
      .select('id', 'tenant_id', 'name')
      .first()
    return row ? { id: row.id, tenantId: row.tenant_id, name: row.name } : null
  })
}

/** After a NAS is added, changed or removed (all of them without an address). */
export function forgetNas(address?: string) {
  const forget = () => nasCache().invalidate(address ?? '*')
  if (!address) nasCache().clearLocal()
  void forget()
  // Again a moment later: a lookup may have read the row just before the change was committed.
  setTimeout(() => void forget(), 1_500).unref()
}

/** Other processes' `forgetNas` reach this one through Redis pub/sub. */
export function listenForNasChanges() {
  return nasCache().listen()
}
