import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'
import { actorCan } from '#core/identity/actor'

/**
 * Shared by the panel handlers. Panel forms post to panel routes (session +
 * CSRF + Inertia) rather than to `/api/v1`, whose routes carry no session.
 */

/** What the signed-in user may change, so pages hide buttons that would be refused. */
export function panelAbilities(ctx: HttpContext) {
  const can = (permission: string) => (ctx.actor ? actorCan(ctx.actor, permission) : false)
  return { write: can('customers.write'), managePackages: can('packages.manage') }
}

/**
 * Runs a change for a panel form. Refusals the services raise after
 * validation (a username or name already taken, an inactive package) go back
 * to the form as field messages, like validation errors do; a conflict (a
 * package still in use) comes back as the form's own message.
 */
export async function submitPanelForm(ctx: HttpContext, change: () => Promise<unknown>) {
  try {
    await change()
    return true
  } catch (error) {
    if (!(error instanceof ApiError) || ![409, 422].includes(error.status)) throw error
    const fields = Object.fromEntries((error.errors ?? []).map((e) => [e.field, e.message]))
    ctx.session.flashExcept(['password'])
    ctx.session.flashErrors(Object.keys(fields).length ? fields : { form: error.message })
    ctx.response.redirect().back()
    return false
  }
}

/** A missing record shows the panel's 404 page rather than API JSON. */
export async function orNotFound<T>(load: () => Promise<T>) {
  try {
    return await load()
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
