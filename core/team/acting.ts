import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAudit } from '../audit/audit_log.js'
import { ApiError } from '../http/api_error.js'
import type { Actor } from '../identity/actor.js'
import type { TenantSummary } from '../tenancy/tenant_directory.js'

/** Who changes the team, in which tenant, and through which transaction. */
export interface Acting {
  trx: TransactionClientContract
  tenant: TenantSummary
  actor: Actor
  /** Runs once the request's changes are committed */
  afterCommit: (callback: () => Promise<unknown> | unknown) => void
  request: { ip: string; userAgent?: string; requestId: string }
}

/** The acting context of a request that went through the tenant chain. */
export async function actingFrom(ctx: HttpContext): Promise<Acting> {
  return {
    trx: await ctx.tenantDb(),
    tenant: ctx.tenant!,
    actor: ctx.actor!,
    afterCommit: ctx.afterCommit,
    request: {
      ip: ctx.request.ip(),
      userAgent: ctx.request.header('user-agent'),
      requestId: ctx.request.id() ?? '',
    },
  }
}

/**
 * Owners may do what nobody else may (grant or change the owner role). A
 * super admin impersonating the tenant counts as one: they hold every
 * permission, and what they do is audited under their own name.
 */
export function isOwner(actor: Actor) {
  return actor.isSuperAdmin || actor.roleSlugs.includes('owner')
}

/**
 * Records a team change. A super admin acting inside the tenant is named as
 * the actor, and the identity they act as goes into `after.impersonating`,
 * so the entry reads right from both sides.
 */
export async function auditTeamChange(
  acting: Acting,
  entry: {
    action: string
    subjectType: string
    subjectId: string
    before?: Record<string, unknown>
    after?: Record<string, unknown>
  }
) {
  const { actor } = acting
  const impersonating = actor.impersonatorId
    ? { tenantId: acting.tenant.id, userId: actor.userId }
    : undefined
  await recordAudit(
    {
      tenantId: acting.tenant.id,
      actor: actor.impersonatorId ? `super_admin:${actor.impersonatorId}` : `user:${actor.userId}`,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before,
      after: impersonating ? { ...entry.after, impersonating } : entry.after,
      ip: acting.request.ip,
      userAgent: acting.request.userAgent,
      requestId: acting.request.requestId || undefined,
    },
    acting.trx
  )
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Route ids that are not UUIDs name nothing: callers answer 404 without asking the database. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** Only the fields whose value changed, as `{ before, after }` for the audit log. */
export function changedFields(
  current: object,
  next: object
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const now = current as Record<string, unknown>
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue
    if (JSON.stringify(now[key]) === JSON.stringify(value)) continue
    before[key] = now[key]
    after[key] = value
  }
  return { before, after }
}

/** A PATCH that names none of the editable fields is a mistake worth telling the client about. */
export function requireAnyField(input: Record<string, unknown>, fields: string[]) {
  if (fields.some((field) => input[field] !== undefined)) return
  throw ApiError.unprocessable(
    [{ field: fields[0], message: `Send at least one of: ${fields.join(', ')}`, rule: 'required' }],
    'Nothing to change'
  )
}
