import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { updateVoucherSettingsValidator } from '../../validators/settings.js'
import { updateVoucherSettings } from '../../services/voucher_settings.js'

export default class UpdateVoucherSettingsPage {
  async handle(ctx: HttpContext) {
    const change = await ctx.request.validateUsing(updateVoucherSettingsValidator)
    await updateVoucherSettings(await actingFrom(ctx), change)
    return ctx.response.redirect('/voucher-settings')
  }
}
