import { platformDb } from '../tenancy/tenant_db.js'

/** Finds a tenant by slug or id for operator commands. */
export async function findTenant(slugOrId: string): Promise<{ id: string; slug: string } | null> {
  const query = platformDb().from('tenants').select('id', 'slug')
  if (/^[0-9a-f-]{36}$/i.test(slugOrId)) query.where('id', slugOrId)
  else query.where('slug', slugOrId)
  return (await query.first()) ?? null
}
