import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../http/api_error.js'

export interface AuditLogFilters {
  page: number
  perPage: number
  action?: string
  actor?: string
  from?: string
  to?: string
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * An ISO date or date-time. A date without a time or offset is a day in the
 * tenant's time zone, and `to` on such a day includes the whole day, as an
 * operator who types "2025-03-31" expects.
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

function present(row: Record<string, any>) {
  return {
    id: String(row.id),
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
  }
}

/** One page of the tenant's audit log, newest first. */
export async function listAuditLogs(
  trx: TransactionClientContract,
  tenant: { id: string; timezone: string },
  filters: AuditLogFilters
) {
  const from = filters.from ? boundary(filters.from, 'from', tenant.timezone) : undefined
  const to = filters.to ? boundary(filters.to, 'to', tenant.timezone) : undefined
  if (from && to && from > to) {
    throw ApiError.unprocessable([
      { field: 'to', message: 'must not be earlier than from', rule: 'afterOrEqual' },
    ])
  }
  // Row-level security already limits the rows to this tenant; the filter says so in the code too.
  const query = trx.from('audit_logs').where('tenant_id', tenant.id)
  if (filters.action) query.where('action', filters.action)
  if (filters.actor) query.where('actor', filters.actor)
  if (from) query.where('created_at', '>=', from)
  if (to) query.where('created_at', '<=', to)
  const page = await query
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .paginate(filters.page, filters.perPage)
  return {
    data: page.all().map(present),
    meta: {
      total: page.total,
      page: page.currentPage,
      perPage: page.perPage,
      lastPage: page.lastPage,
    },
  }
}
