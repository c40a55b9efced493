import type { HttpContext } from '@adonisjs/core/http'
import { changeStatusValidator } from '../validators.js'
import { changeTenantStatus } from '../tenant_status.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'

/** Activates, panel-isolates or deactivates the tenant (the page asks first). */
export default class ChangeStatusPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, changeStatusValidator)
    if (!input) return
    const { status, reason } = input
    await submitAdminForm(ctx, () => changeTenantStatus(ctx.params.id, status, by, reason))
  }
}
