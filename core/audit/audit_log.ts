import { platformDb } from '../tenancy/tenant_db.js'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface AuditEntry {
  tenantId: string | null
  /** Who did it: `user:<id>`, `super_admin:<id>`, `system:<process>` */
  actor: string
  action: string
  subjectType?: string
  subjectId?: string
  before?: unknown
  after?: unknown
  ip?: string
  userAgent?: string
  requestId?: string
}

/** Who changed what. Written inside the caller's transaction when it has one, so a rolled-back change leaves no entry. */
export async function recordAudit(entry: AuditEntry, trx?: TransactionClientContract) {
  await (trx ?? platformDb())
    .insertQuery()
    .table('audit_logs')
    .insert({
      tenant_id: entry.tenantId,
      actor: entry.actor,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
      user_agent: entry.userAgent?.slice(0, 300) ?? null,
      request_id: entry.requestId ?? null,
    })
}
