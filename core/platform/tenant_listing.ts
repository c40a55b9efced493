import kernel from '../services/kernel.js'
import { platformDb } from '../tenancy/tenant_db.js'
import type { TenantStatus } from '../tenancy/tenant_directory.js'
import { escapeLike, paginate } from '../http/pagination.js'

export interface TenantListFilters {
  page?: number
  perPage?: number
  /** Part of the name or slug, any case */
  q?: string
  status?: TenantStatus
  plan?: string
}

export interface TenantListItem {
  id: string
  name: string
  slug: string
  plan: string
  status: TenantStatus
  customDomain: string | null
  createdAt: Date
  userCount: number
  enabledPlugins: string[]
}

/** Every tenant of the platform, newest first (owner connection: this spans tenants). */
export function listTenants(filters: TenantListFilters) {
  const db = platformDb()
  const filtered = db.from('tenants as t')
  if (filters.q) {
    const like = `%${escapeLike(filters.q)}%`
    filtered.where((q) => q.whereILike('t.name', like).orWhereILike('t.slug', like))
  }
  if (filters.status) filtered.where('t.status', filters.status)
  if (filters.plan) filtered.where('t.plan', filters.plan)

  return paginate(
    filtered,
    filters,
    (query) =>
      query
        .select('t.id', 't.name', 't.slug', 't.plan', 't.status', 't.custom_domain', 't.created_at')
        .select(
          db.raw('(SELECT count(*) FROM users u WHERE u.tenant_id = t.id)::int AS user_count')
        )
        .select(
          db.raw(`COALESCE((SELECT array_agg(p.plugin_id ORDER BY p.plugin_id) FROM tenant_plugins p
                    WHERE p.tenant_id = t.id AND p.enabled), '{}') AS enabled_plugins`)
        )
        .orderBy('t.created_at', 'desc')
        .orderBy('t.id'),
    (row: any): TenantListItem => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      plan: row.plan,
      status: row.status,
      customDomain: row.custom_domain,
      createdAt: row.created_at,
      userCount: row.user_count,
      // A plugin uninstalled since it was enabled does nothing for the tenant.
      enabledPlugins: (row.enabled_plugins as string[]).filter((id) => kernel.plugins.has(id)),
    })
  )
}
