import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '../http/api_error.js'
import type { Actor } from '../plugins/enablement.js'

export interface SuperAdmin {
  userId: string
  /** What the audit log records for every change this request makes */
  by: Actor
  userAgent?: string
}

/**
 * The signed-in super admin of a platform request. The route's middleware
 * has already checked who it is; checking again here keeps a handler safe if
 * it is ever mounted without that middleware.
 */
export function superAdminOf(ctx: HttpContext): SuperAdmin {
  const actor = ctx.actor
  if (!actor?.isSuperAdmin) {
    throw new ApiError(403, 'PLATFORM_ADMIN_ONLY', 'Only the platform administrator can use this.')
  }
  return {
    userId: actor.userId,
    by: {
      actor: `super_admin:${actor.userId}`,
      ip: ctx.request.ip(),
      requestId: ctx.request.id(),
    },
    userAgent: ctx.request.header('user-agent'),
  }
}

/** Documented on every platform endpoint: who is turned away. */
export const ADMIN_ONLY_RESPONSES = {
  401: 'UNAUTHENTICATED: sign in first',
  403: 'PLATFORM_ADMIN_ONLY: only a super admin, with their own token (not an impersonation one)',
}
