import { platformDb } from '#core/tenancy/tenant_db'

export interface Nas {
  id: string
  tenantId: string
  name: string
}

const TTL_MS = 30_000
const cache = new Map<string, { nas: Nas | null; at: number }>()

/**
 * Which tenant a NAS belongs to, by the address it asks from. The one
 * cross-tenant read of the RADIUS path (the packet names no tenant), kept in
 * memory briefly: it runs for every login and accounting packet.
 */
export async function findNas(address: string | undefined): Promise<Nas | null> {
  if (!address) return null
  const hit = cache.get(address)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.nas
  const row = await platformDb()
    .from('radius_nas')
    .whereRaw('ip_address = ?::inet', [address])
    .select('id', 'tenant_id', 'name')
    .first()
    .catch(() => null)
  const nas = row ? { id: row.id, tenantId: row.tenant_id, name: row.name } : null
  cache.set(address, { nas, at: Date.now() })
  return nas
}

/** After a NAS is added or removed. */
export function forgetNas(address?: string) {
  if (address) cache.delete(address)
  else cache.clear()
}
