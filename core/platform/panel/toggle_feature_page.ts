import type { HttpContext } from '@adonisjs/core/http'
import { toggleValidator } from '../validators.js'
import { toggleFeature } from '../tenant_features.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'
import { pluginRefusalParams } from './plugin_refusal.js'

/** Advanced mode: one feature on or off (a feature that is a plugin switches the plugin too). */
export default class ToggleFeaturePage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, toggleValidator)
    if (!input) return
    const { enabled } = input
    await submitAdminForm(
      ctx,
      () => toggleFeature(ctx.params.id, ctx.params.feature, enabled, by),
      {
        refusalParams: (error) =>
          pluginRefusalParams(ctx.params.id, error, String(ctx.params.feature)),
      }
    )
  }
}
