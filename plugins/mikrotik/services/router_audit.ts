import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordAudit } from '#core/audit/audit_log'
import type { Actor } from '#core/identity/actor'

/** `user:<id>`, or the super admin's own name when they act inside the tenant. */
export function actorLabel(actor: Actor): string {
  return actor.impersonatorId ? `super_admin:${actor.impersonatorId}` : `user:${actor.userId}`
}

/** Records a router action of a request, inside its transaction: a rolled-back change leaves no entry. */
export async function auditRouterAction(
  ctx: HttpContext,
  entry: { action: string; routerId: string; before?: unknown; after?: unknown }
) {
  await recordAudit(
    {
      tenantId: ctx.tenant!.id,
      actor: actorLabel(ctx.actor!),
      action: entry.action,
      subjectType: 'mikrotik_router',
      subjectId: entry.routerId,
      before: entry.before,
      after: entry.after,
      ip: ctx.request.ip(),
      userAgent: ctx.request.header('user-agent'),
      requestId: ctx.request.id() || undefined,
    },
    (await ctx.tenantDb()) as TransactionClientContract
  )
}
