import type { HttpContext } from '@adonisjs/core/http'
import { listRoles, presentRole } from '../../role_queries.js'
import { groupedCatalog } from '../../permission_catalog.js'
import { customRolesInPlan } from '../../plan_gate.js'

/** Roles: the built-in ones and the tenant's own, with the permission catalog for the editor. */
export default class RolesPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const roles = await listRoles(trx, ctx.tenant!.id)
    return ctx.inertia.render('core/team/roles', {
      roles: roles.map(presentRole),
      catalog: groupedCatalog(),
      plan: await customRolesInPlan(trx, ctx.tenant!.id),
    })
  }
}
