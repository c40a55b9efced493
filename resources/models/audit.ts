import type { PageMeta } from './table'

/** One audit log entry (core/audit/audit_query.ts), with the actor's name when it is a member. */
export interface AuditEntry {
  id: string
  actor: string
  actorName: string | null
  action: string
  subjectType: string | null
  subjectId: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string | null
  userAgent: string | null
  requestId: string | null
  createdAt: string
}

export interface AuditFilters {
  actor: string
  action: string
  from: string
  to: string
}

export interface AuditLogPageProps {
  entries: { data: AuditEntry[]; meta: PageMeta & { lastPage: number } }
  filters: AuditFilters
  choices: { actions: string[]; actors: { value: string; label: string }[] }
  timezone: string
}

/** One changed field of an entry: its value before and after. */
export interface FieldChange {
  field: string
  before: string
  after: string
}
