import type { HttpContext } from '@adonisjs/core/http'
import { toggleValidator } from '../validators.js'
import { setTenantPlugin } from '../tenant_plugins.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'
import { pluginRefusalParams } from './plugin_refusal.js'

/** Enables a plugin for the tenant (with what it requires) or disables it (refused while needed). */
export default class TogglePluginPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, toggleValidator)
    if (!input) return
    const { enabled } = input
    await submitAdminForm(
      ctx,
      () => setTenantPlugin(ctx.params.id, ctx.params.pluginId, enabled, by),
      {
        refusalParams: (error) =>
          pluginRefusalParams(ctx.params.id, error, String(ctx.params.pluginId)),
      }
    )
  }
}
