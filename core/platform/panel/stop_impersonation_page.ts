import type { HttpContext } from '@adonisjs/core/http'
import { stopPanelImpersonation } from '../impersonation.js'
import { superAdminOf } from '../super_admin.js'

/** Ends the impersonation (audited) and returns to the tenant's page in the platform admin. */
export default class StopImpersonationPage {
  async handle(ctx: HttpContext) {
    const tenantId = await stopPanelImpersonation(superAdminOf(ctx), ctx.session)
    return ctx.response.redirect(tenantId ? `/admin/tenants/${tenantId}` : '/admin')
  }
}
