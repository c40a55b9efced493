import type { HttpContext } from '@adonisjs/core/http'
import { updatePlanValidator } from '../validators.js'
import { updatePlan } from '../../tenancy/limits/plan_catalog.js'
import { ApiError } from '../../http/api_error.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'

/** Saves the plans editor's form: name, price, limits, feature group, on sale. */
export default class UpdatePlanPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const patch = await panelInput(ctx, updatePlanValidator)
    if (!patch) return
    const code = String(ctx.params.code)
    await submitAdminForm(ctx, () => {
      // Codes are short identifiers; anything else names nothing (and must not reach SQL as NUL).
      if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) throw ApiError.notFound(`Plan "${code}"`)
      return updatePlan(code, patch, by)
    })
  }
}
