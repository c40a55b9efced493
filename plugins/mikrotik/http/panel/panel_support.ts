import type { HttpContext } from '@adonisjs/core/http'
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
 * Runs a change for a panel form. A refusal with field messages (a name the
 * router already has, a missing profile) goes back to the form under its
 * fields, like a validation error; other refusals reach the exception
 * handler, which puts their message on top of the form.
 */
export async function submitPanelForm(ctx: HttpContext, change: () => Promise<unknown>) {
  try {
    await change()
    return true
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 422 || !error.errors?.length) throw error
    const fields = Object.fromEntries(error.errors.map((e) => [e.field, e.message]))
    ctx.session.flashExcept(['password', 'apiPassword'])
    ctx.session.flashErrors(fields)
    ctx.response.redirect().back()
    return false
  }
}

/** A missing router shows the panel's 404 page rather than API JSON. */
export async function renderNotFound(ctx: HttpContext) {
  ctx.response.status(404)
  return ctx.inertia.render('core/errors/not_found', {})
}
