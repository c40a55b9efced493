import { platformDb } from '../tenancy/tenant_db.js'
import { queryAuditLogs, type AuditQuery } from '../audit/audit_query.js'
import { DEFAULT_PER_PAGE } from '../http/pagination.js'

export type AuditFilters = Partial<AuditQuery>

/** Every tenant's audit entries (and platform-wide ones), newest first; dates in UTC. */
export function searchAuditLogs(filters: AuditFilters) {
  return queryAuditLogs(
    platformDb(),
    { ...filters, page: filters.page ?? 1, perPage: filters.perPage ?? DEFAULT_PER_PAGE },
    { zone: 'utc', withTenant: true }
  )
}
