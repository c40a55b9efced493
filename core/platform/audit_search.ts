import { DateTime } from 'luxon'
import { platformDb } from '../tenancy/tenant_db.js'
import { invalid } from '../tenancy/limits/plan_catalog.js'
import { escapeLike, paginate } from './pagination.js'

export interface AuditFilters {
  page?: number
  perPage?: number
  tenantId?: string
  /** Exact action, or a prefix ending in `.*` (`plugin.*`) */
  action?: string
  actor?: string
  /** ISO 8601; a date without a time means the start of that day (UTC) */
  from?: string
  /** ISO 8601; a date without a time includes that whole day (UTC) */
  to?: string
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** Every tenant's audit entries (and platform-wide ones), newest first. */
export function searchAuditLogs(filters: AuditFilters) {
  const from = filters.from ? DateTime.fromISO(filters.from, { zone: 'utc' }) : null
  let to = filters.to ? DateTime.fromISO(filters.to, { zone: 'utc' }) : null
  // "to 2025-01-31" reads as "up to the end of the 31st", not its first instant.
  if (to && DATE_ONLY.test(filters.to!)) to = to.plus({ days: 1 })
  if (from && to && from >= to) {
    invalid([{ field: 'to', message: 'must be later than "from"' }])
  }

  const filtered = platformDb().from('audit_logs as a')
  if (filters.tenantId) filtered.where('a.tenant_id', filters.tenantId)
  if (filters.action?.endsWith('.*')) {
    filtered.whereLike('a.action', `${escapeLike(filters.action.slice(0, -1))}%`)
  } else if (filters.action) {
    filtered.where('a.action', filters.action)
  }
  if (filters.actor) filtered.where('a.actor', filters.actor)
  if (from) filtered.where('a.created_at', '>=', from.toJSDate())
  if (to) {
    filtered.where('a.created_at', DATE_ONLY.test(filters.to!) ? '<' : '<=', to.toJSDate())
  }

  return paginate(
    filtered,
    filters,
    (query) =>
      query
        .leftJoin('tenants as t', 't.id', 'a.tenant_id')
        .select('a.*', 't.slug as tenant_slug', 't.name as tenant_name')
        .orderBy('a.created_at', 'desc')
        .orderBy('a.id', 'desc'),
    (row: any) => ({
      id: String(row.id),
      tenantId: row.tenant_id,
      tenant: row.tenant_id ? { slug: row.tenant_slug, name: row.tenant_name } : null,
      actor: row.actor,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      before: row.before,
      after: row.after,
      ip: row.ip,
      userAgent: row.user_agent,
      requestId: row.request_id,
      createdAt: row.created_at,
    })
  )
}
