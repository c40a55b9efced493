import type { HttpContext } from '@adonisjs/core/http'
import { updateTenantValidator } from '../../validators.js'
import { updateSettings } from '../../tenant_settings.js'
import { actingFrom, requireAnyField } from '../../acting.js'

export default class UpdateSettingsPage {
  async handle(ctx: HttpContext) {
    const change = await ctx.request.validateUsing(updateTenantValidator)
    requireAnyField(change, ['name', 'timezone', 'locale', 'logoUrl'])
    await updateSettings(await actingFrom(ctx), change)
    return ctx.response.redirect().withQs().back()
  }
}
