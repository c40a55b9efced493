import type { HttpContext } from '@adonisjs/core/http'
import { actorCan } from '../../../identity/actor.js'

/** What the signed-in user may change, so pages hide what the server would refuse. */
export function teamAbilities(ctx: HttpContext) {
  const can = (permission: string) => (ctx.actor ? actorCan(ctx.actor, permission) : false)
  return {
    manageUsers: can('users.manage'),
    manageRoles: can('roles.manage'),
    settings: can('tenant.settings'),
    readAudit: can('audit.read'),
  }
}
