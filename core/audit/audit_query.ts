import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../http/api_error.js'
import { escapeLike, pageResponse } from '../http/pagination.js'

export interface AuditQuery {
  page: number
  perPage: number
  tenantId?: string
  /** Exact action, or a prefix ending in `.*` (`plugin.*`) */
  action?: string
  actor?: string
  /** ISO 8601; a date without a time is a day in `zone` */
  from?: string
  /** ISO 8601; a date without a time includes that whole day */
  to?: string
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * An ISO date or date-time. A bare date is a day in the given zone, and `to`
 * on such a day includes the whole day, as someone typing "2025-03-31" expects.
 */
function boundary(value: string, field: 'from' | 'to', zone: string): Date {
  const parsed = DateTime.fromISO(value, { zone })
  if (!parsed.isValid) {
    throw ApiError.unprocessable([
      {
        field,
        message: `"${value}" is not a date; use ISO 8601 such as 2025-03-31 or 2025-03-31T08:00:00+07:00`,
        rule: 'date',
      },
    ])
  }
  return (field === 'to' && DATE_ONLY.test(value) ? parsed.endOf('day') : parsed).toJSDate()
}

/**
 * One page of audit entries, newest first. The caller picks the client: a
 * tenant's transaction (row-level security shows only its entries) or the
 * platform connection for the super admin.
 */
export async function queryAuditLogs(
  client: QueryClientContract,
  filters: AuditQuery,
  options: { zone: string; withTenant?: boolean }
) {
  const from = filters.from ? boundary(filters.from, 'from', options.zone) : undefined
  const to = filters.to ? boundary(filters.to, 'to', options.zone) : undefined
  if (from && to && from > to) {
    throw ApiError.unprocessable([
      { field: 'to', message: 'must not be earlier than from', rule: 'afterOrEqual' },
    ])
  }
  const query = client.from('audit_logs as a')
  if (filters.tenantId) query.where('a.tenant_id', filters.tenantId)
  if (filters.action?.endsWith('.*'))
    query.whereLike('a.action', `${escapeLike(filters.action.slice(0, -1))}%`)
  else if (filters.action) query.where('a.action', filters.action)
  if (filters.actor) query.where('a.actor', filters.actor)
  if (from) query.where('a.created_at', '>=', from)
  if (to) query.where('a.created_at', '<=', to)
  if (options.withTenant) {
    query
      .leftJoin('tenants as t', 't.id', 'a.tenant_id')
      .select('a.*', 't.slug as tenant_slug', 't.name as tenant_name')
  } else {
    query.select('a.*')
  }
  const page = await query
    .orderBy([
      { column: 'a.created_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .paginate(filters.page, filters.perPage)
  return pageResponse(page, (row: Record<string, any>) => ({
    id: String(row.id),
    ...(options.withTenant
      ? {
          tenantId: row.tenant_id,
          tenant: row.tenant_id ? { slug: row.tenant_slug, name: row.tenant_name } : null,
        }
      : {}),
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
  }))
}
