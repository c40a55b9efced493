import type { HttpContext } from '@adonisjs/core/http'
import { updateFeatureGroupValidator } from '../validators.js'
import { updateFeatureGroup } from '../feature_group_editor.js'
import { ApiError } from '../../http/api_error.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'

/** Saves what a feature group includes (the plans naming it offer exactly that). */
export default class UpdateFeatureGroupPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const patch = await panelInput(ctx, updateFeatureGroupValidator)
    if (!patch) return
    const code = String(ctx.params.code)
    await submitAdminForm(ctx, () => {
      // Codes are short identifiers; anything else names nothing (and must not reach SQL as NUL).
      if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) throw ApiError.notFound(`Feature group "${code}"`)
      return updateFeatureGroup(code, patch, by)
    })
  }
}
