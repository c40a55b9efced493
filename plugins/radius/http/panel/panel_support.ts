import type { HttpContext } from '@adonisjs/core/http'
import { actorCan } from '#core/identity/actor'
import type { TenantTransaction } from '#core/tenancy/tenant_db'

/**
 * Shared by the RADIUS panel handlers. Forms post to panel routes (session +
 * CSRF); a refusal (Vine or a service's ApiError) goes back to the form with
 * its field messages through the panel's error handling.
 */

export function radiusAbilities(ctx: HttpContext) {
  return { manage: ctx.actor ? actorCan(ctx.actor, 'radius.manage') : false }
}

export function actingOf(ctx: HttpContext) {
  return { tenantId: ctx.tenant!.id, actor: `user:${ctx.actor!.userId}` }
}

export const timezoneOf = (ctx: HttpContext) => ctx.tenant?.timezone ?? 'Asia/Jakarta'

/** NAS names for the filters, by id. */
export async function nasOptions(trx: TenantTransaction) {
  const rows = await trx.from('radius_nas').select('id', 'name').orderBy('name')
  return rows.map((row: { id: string; name: string }) => ({ value: row.id, label: row.name }))
}

/** Today in the tenant's zone, as `YYYY-MM-DD`, and `days` before it. */
export function tenantDay(timezone: string, daysBack = 0) {
  const date = new Date(Date.now() - daysBack * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(date)
}
