import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { tenantRow } from '../tenancy/limits/limit_service.js'
import { platformDb } from '../tenancy/tenant_db.js'
import type { TenantStatus } from '../tenancy/tenant_directory.js'

export interface TenantRecord {
  id: string
  name: string
  slug: string
  plan: string
  status: TenantStatus
  custom_domain: string | null
  timezone: string
  locale: string
  features: unknown
  limits: Record<string, { value: number; billable: boolean }>
  created_at: Date
  updated_at: Date
}

/**
 * The tenant's row, or 404 for an unknown id. Malformed ids are refused
 * before the query (by `tenantRow`), so they never reach PostgreSQL as a
 * uuid cast error.
 */
export async function tenantRecord(
  id: string,
  client: QueryClientContract = platformDb(),
  options: { forUpdate?: boolean } = {}
): Promise<TenantRecord> {
  await tenantRow(client, id, options)
  return client.from('tenants').where('id', id).first()
}
