import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { authenticate } from '../../auth/authenticate.js'
import { ApiError } from '../../http/api_error.js'

/**
 * Guards the super admin's panel pages (`/admin/...`): an anonymous visitor
 * goes to the sign-in page, a tenant user gets the panel's 403 page. While
 * impersonating, the super admin acts as the tenant, so the platform pages
 * send them to the page that ends the impersonation first.
 */
export function platformPanel(options: { whileImpersonating?: boolean } = {}) {
  return async function platformPanelMiddleware(ctx: HttpContext, next: NextFn) {
    const actor = await authenticate(ctx)
    if (!actor) return ctx.response.redirect('/login')
    if (!actor.isSuperAdmin) {
      throw new ApiError(
        403,
        'PERMISSION_DENIED',
        'Only the platform administrator can open this page.'
      )
    }
    if (actor.impersonatorId && !options.whileImpersonating) {
      return ctx.response.redirect('/admin/impersonation')
    }
    return next()
  }
}
