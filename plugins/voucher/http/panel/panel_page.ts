import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'
import { actorCan } from '#core/identity/actor'

/**
 * Shared by the voucher panel pages. Their forms post to panel routes
 * (session + CSRF); refusals raised by the services go back to the form as
 * field messages through the panel's error handling.
 */

/** What the signed-in user may change, so pages hide buttons that would be refused. */
export function voucherAbilities(ctx: HttpContext) {
  return { manage: ctx.actor ? actorCan(ctx.actor, 'voucher.manage') : false }
}

/** A missing record shows the panel's 404 page rather than API JSON. */
export async function pageOrNotFound(ctx: HttpContext, load: () => Promise<unknown>) {
  try {
    return await load()
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error
    ctx.response.status(404)
    return ctx.inertia.render('core/errors/not_found', {})
  }
}

export const tenantZone = (ctx: HttpContext) => ctx.tenant!.timezone ?? 'Asia/Jakarta'

/** Today in the tenant's time zone, as YYYY-MM-DD. */
export function today(timezone: string, offsetDays = 0) {
  const date = new Date(Date.now() + offsetDays * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(date)
}
