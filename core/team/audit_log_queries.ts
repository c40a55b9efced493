import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { queryAuditLogs, type AuditQuery } from '../audit/audit_query.js'

export type AuditLogFilters = Omit<AuditQuery, 'tenantId'>

/** One page of the tenant's audit log, newest first; dates read in the tenant's time zone. */
export function listAuditLogs(
  trx: TransactionClientContract,
  tenant: { id: string; timezone: string },
  filters: AuditLogFilters
) {
  // Row-level security already limits the rows to this tenant; the filter says so in the code too.
  return queryAuditLogs(trx, { ...filters, tenantId: tenant.id }, { zone: tenant.timezone })
}
