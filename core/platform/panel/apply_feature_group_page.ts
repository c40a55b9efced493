import type { HttpContext } from '@adonisjs/core/http'
import { applyFeatureGroupValidator } from '../validators.js'
import { applyFeatureGroup } from '../tenant_features.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'
import { pluginRefusalParams } from './plugin_refusal.js'

/** Simple mode: the tenant gets exactly a feature group's features, and their plugins. */
export default class ApplyFeatureGroupPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, applyFeatureGroupValidator)
    if (!input) return
    const { group } = input
    await submitAdminForm(ctx, () => applyFeatureGroup(ctx.params.id, group, by), {
      refusalParams: (error) => pluginRefusalParams(ctx.params.id, error),
    })
  }
}
