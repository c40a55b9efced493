import type { HttpContext } from '@adonisjs/core/http'
import { overrideLimitValidator } from '../validators.js'
import { overrideLimit } from '../../tenancy/plan_service.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'

/** Sets one limit of the tenant regardless of its plan; an empty value clears the override. */
export default class OverrideLimitPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, overrideLimitValidator)
    if (!input) return
    const { value, billable = true } = input
    await submitAdminForm(ctx, () =>
      overrideLimit(ctx.params.id, ctx.params.limitKey, value, by, { billable })
    )
  }
}
