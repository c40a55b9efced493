import type { HttpContext } from '@adonisjs/core/http'
import { changePlanValidator } from '../validators.js'
import { changeTenantPlan } from '../tenant_features.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'

/** Moves the tenant to another plan; its limits follow at once, its features when asked. */
export default class ChangePlanPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, changePlanValidator)
    if (!input) return
    const { plan, applyFeatureGroup = true } = input
    await submitAdminForm(ctx, () => changeTenantPlan(ctx.params.id, plan, applyFeatureGroup, by))
  }
}
