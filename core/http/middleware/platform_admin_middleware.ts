import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { requireActor } from '../../auth/authenticate.js'
import { ApiError } from '../api_error.js'

/**
 * Guards the super admin API (`/api/v1/platform/...`): anonymous → 401,
 * anyone but a super admin → 403. A super admin's impersonation token is
 * refused too: it was handed out to act inside one tenant, and must not
 * carry platform-wide power if it leaks from that context.
 */
export function platformAdmin() {
  return async function platformAdminMiddleware(ctx: HttpContext, next: NextFn) {
    const actor = await requireActor(ctx)
    if (!actor.isSuperAdmin) {
      throw new ApiError(
        403,
        'PLATFORM_ADMIN_ONLY',
        'Only the platform administrator can use this. Sign in with a super admin account.'
      )
    }
    if (actor.impersonatorId) {
      throw new ApiError(
        403,
        'PLATFORM_ADMIN_ONLY',
        'This token acts inside a tenant (impersonation). Use your own super admin sign-in for the platform API.'
      )
    }
    return next()
  }
}
