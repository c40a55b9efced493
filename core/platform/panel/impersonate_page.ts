import type { HttpContext } from '@adonisjs/core/http'
import { startPanelImpersonation } from '../impersonation.js'
import { superAdminOf } from '../super_admin.js'
import { submitAdminForm } from './panel_form.js'

/** Opens the tenant's panel as the tenant (audited) until the super admin goes back. */
export default class ImpersonatePage {
  async handle(ctx: HttpContext) {
    const admin = superAdminOf(ctx)
    await submitAdminForm(ctx, () => startPanelImpersonation(ctx.params.id, admin, ctx.session), {
      redirectTo: () => '/',
    })
  }
}
