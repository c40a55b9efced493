import type { HttpContext } from '@adonisjs/core/http'
import { saveSettings, settingsValidator } from '../../models/settings_queries.js'
import { actingOf } from './panel_support.js'

export default class SaveSettingsPage {
  async handle(ctx: HttpContext) {
    const { isolatedBehaviour } = await ctx.request.validateUsing(settingsValidator)
    await saveSettings(await ctx.tenantDb(), actingOf(ctx), isolatedBehaviour)
    ctx.response.redirect('/radius/settings')
  }
}
