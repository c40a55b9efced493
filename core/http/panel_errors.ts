import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { ApiError } from './api_error.js'
import InertiaMiddleware from './middleware/inertia_middleware.js'

/** Refusals a panel user should read as a page, not as JSON. */
const FORBIDDEN_REASONS: Record<string, 'plugin_disabled' | 'permission_denied'> = {
  PLUGIN_DISABLED: 'plugin_disabled',
  PERMISSION_DENIED: 'permission_denied',
}

/** A browser loading a panel page (HTML) or navigating inside it (Inertia); API clients keep JSON. */
function isPanelRequest({ request }: HttpContext) {
  if (request.url().startsWith('/api/')) return false
  if (request.header('x-inertia')) return true
  return request.method() === 'GET' && request.accepts(['html', 'json']) === 'html'
}

/**
 * Renders an error the panel way and returns true, or returns false so the
 * exception handler answers with JSON as for the API:
 * - a refused panel page (module not enabled, permission missing) gets the
 *   panel's 403 page, inside the shell with the tenant's menu;
 * - an invalid panel form goes back to the form with its field messages;
 * - any other refusal of a panel form goes back with the message under `form`.
 */
export async function renderPanelError(error: unknown, ctx: HttpContext): Promise<boolean> {
  if (!ctx.session || !isPanelRequest(ctx)) return false

  if (error instanceof vineErrors.E_VALIDATION_ERROR && ctx.request.method() !== 'GET') {
    ctx.session.flashValidationErrors(error)
    ctx.session.flashExcept(['password', 'password_confirmation'])
    ctx.response.redirect().back()
    return true
  }

  // Any other refusal of a panel form (a limit reached, a conflict) goes back to the form as a message.
  if (
    error instanceof ApiError &&
    ctx.request.method() !== 'GET' &&
    !FORBIDDEN_REASONS[error.code ?? '']
  ) {
    ctx.session.flashExcept(['password', 'password_confirmation'])
    ctx.session.flashErrors({ form: error.message })
    ctx.response.redirect().back()
    return true
  }

  const reason = error instanceof ApiError ? FORBIDDEN_REASONS[error.code ?? ''] : undefined
  if (!reason) return false
  // The refusal comes from the tenant chain, before the Inertia middleware
  // ran: set Inertia up here, with the same shared props.
  const inertia = new InertiaMiddleware()
  await inertia.init(ctx)
  ctx.response.status(403)
  const page = await ctx.inertia.render('core/errors/forbidden', { reason })
  // A visit made with stale assets becomes a 409, so the browser reloads.
  inertia.dispose(ctx)
  ctx.response.send(page)
  return true
}
