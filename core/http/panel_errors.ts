import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from './api_error.js'
import InertiaMiddleware from './middleware/inertia_middleware.js'
import { translateCode, translateServiceFieldErrors } from './error_messages.js'

/** Refusals a panel user should read as a page, not as JSON. */
const FORBIDDEN_REASONS: Record<string, 'plugin_disabled' | 'permission_denied'> = {
  PLUGIN_DISABLED: 'plugin_disabled',
  PERMISSION_DENIED: 'permission_denied',
}

/** The account itself is shut: the panel shows why and the way out instead of any page. */
const ACCOUNT_STATES: Record<string, 'isolated' | 'deactivated'> = {
  TENANT_ISOLATED: 'isolated',
  TENANT_DEACTIVATED: 'deactivated',
}

/**
 * Fields whose value never comes back to a form after a refusal (nor lands in
 * the session store): passwords and secrets, at any depth (`owner.password`,
 * `apiPassword`, a NAS `secret`).
 */
const SECRET_FIELD = /password|secret/i

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_FIELD.test(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)])
  )
}

/** Flashes the submitted fields back to the form, secrets left out. */
function flashInput(ctx: HttpContext) {
  ctx.session.flash(withoutSecrets(ctx.request.all()) as Record<string, any>)
}

/** A browser loading a panel page (HTML) or navigating inside it (Inertia); API clients keep JSON. */
function isPanelRequest({ request }: HttpContext) {
  if (request.url().startsWith('/api/')) return false
  if (request.header('x-inertia')) return true
  return request.method() === 'GET' && request.accepts(['html', 'json']) === 'html'
}

/** Renders a panel page outside the normal flow (the error came before the Inertia middleware). */
async function renderPage(ctx: HttpContext, status: number, page: string, props: object) {
  const inertia = new InertiaMiddleware()
  await inertia.init(ctx)
  ctx.response.status(status)
  const output = await ctx.inertia.render(page, props)
  // A visit made with stale assets becomes a 409, so the browser reloads.
  inertia.dispose(ctx)
  ctx.response.send(output)
}

/**
 * Renders an error the panel way and returns true, or returns false so the
 * exception handler answers with JSON as for the API:
 * - a suspended or deactivated account gets its own screen, with the way out;
 * - a refused panel page (module not enabled, permission missing) gets the
 *   panel's 403 page, inside the shell with the tenant's menu;
 * - an invalid panel form goes back to the form with its field messages
 *   (Vine's, or a service's refusal of named fields such as "email taken");
 * - any other refusal of a panel form goes back with the message under `form`.
 */
export async function renderPanelError(error: unknown, ctx: HttpContext): Promise<boolean> {
  if (!ctx.session || !isPanelRequest(ctx)) return false
  const i18n = ctx.i18n

  if (error instanceof vineErrors.E_VALIDATION_ERROR && ctx.request.method() !== 'GET') {
    ctx.session.flashValidationErrors(error)
    flashInput(ctx)
    ctx.response.redirect().withQs().back()
    return true
  }

  const code = error instanceof ApiError ? (error.code ?? '') : ''
  const state = ACCOUNT_STATES[code]
  if (state && ctx.request.method() === 'GET') {
    await renderPage(ctx, 403, 'core/errors/suspended', { state })
    return true
  }

  // Any other refusal of a panel form (a limit reached, a conflict) goes back to the form.
  if (error instanceof ApiError && ctx.request.method() !== 'GET' && !FORBIDDEN_REASONS[code]) {
    const fieldErrors = i18n ? translateServiceFieldErrors(i18n, error.errors ?? []) : []
    const fields = Object.fromEntries(fieldErrors.map((e) => [e.field, e.message]))
    flashInput(ctx)
    ctx.session.flashErrors(
      Object.keys(fields).length
        ? fields
        : { form: i18n ? translateCode(i18n, code, error.message) : error.message }
    )
    ctx.response.redirect().withQs().back()
    return true
  }

  const reason = FORBIDDEN_REASONS[code]
  if (!reason) return false
  await renderPage(ctx, 403, 'core/errors/forbidden', { reason })
  return true
}
