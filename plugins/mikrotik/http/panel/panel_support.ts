import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from '#core/http/api_error'
import { actorCan } from '#core/identity/actor'

/**
 * Shared by the panel handlers. Panel forms post to panel routes (session +
 * CSRF + Inertia); `/api/v1` routes carry no session.
 */

/** What the signed-in user may do, so pages hide buttons that would be refused. */
export function routerAbilities(ctx: HttpContext) {
  const can = (permission: string) => (ctx.actor ? actorCan(ctx.actor, permission) : false)
  return { write: can('router.write'), delete: can('router.delete') }
}

export type NoticeKind = 'success' | 'warning' | 'error'
export interface Notice {
  kind: NoticeKind
  /** i18n key under `mikrotik.notice` */
  key: string
  /** The server's own words (a router's reason), shown under the title */
  detail?: string
}

const NOTICE = 'mikrotik.notice'

/** A one-time message for the page the browser lands on after a redirect. */
export function flashNotice(ctx: HttpContext, notice: Notice) {
  ctx.session.flash(NOTICE, notice)
}

export function takeNotice(ctx: HttpContext): Notice | null {
  return (ctx.session.flashMessages.get(NOTICE) as Notice | undefined) ?? null
}

/**
 * Goes back to the page the form or button was on, with its query string:
 * the router page keeps its tab (`?tab=accounts`), which a plain `back()`
 * would drop.
 */
export function backToPage(ctx: HttpContext) {
  ctx.response.redirect().withQs().back()
}

/**
 * Runs a change for a panel form or button, validation included. Invalid
 * fields and refusals with field messages (a name the router already has,
 * a missing profile) go back to the form under their fields; any other
 * refusal (the router is down, the session ended) goes back with its message
 * on top of the page. Either way the page keeps its tab.
 */
export async function submitPanelForm(ctx: HttpContext, change: () => Promise<unknown>) {
  try {
    await change()
    return true
  } catch (error) {
    let fields: Record<string, string>
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      fields = {}
      for (const m of error.messages as { field: string; message: string }[])
        fields[m.field] ??= m.message
    } else if (error instanceof ApiError && error.status < 500 && error.status !== 403) {
      fields = error.errors?.length
        ? Object.fromEntries(error.errors.map((e) => [e.field, e.message]))
        : { form: error.message }
    } else if (error instanceof ApiError && error.status >= 502) {
      // The router's failure (unreachable, refused login): say it, it is not a bug.
      fields = { form: error.message }
    } else {
      throw error
    }
    ctx.session.flashExcept(['password', 'apiPassword'])
    ctx.session.flashErrors(fields)
    backToPage(ctx)
    return false
  }
}

/** A missing router shows the panel's 404 page rather than API JSON. */
export async function renderNotFound(ctx: HttpContext) {
  ctx.response.status(404)
  return ctx.inertia.render('core/errors/not_found', {})
}
