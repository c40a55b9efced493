import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { updateVoucherSettingsValidator } from '../validators/settings.js'
import { updateVoucherSettings } from '../services/voucher_settings.js'

export default class UpdateVoucherSettings {
  static docs: EndpointDocs = {
    summary: 'Change voucher settings; fields left out keep their value',
    tags: ['vouchers'],
    body: updateVoucherSettingsValidator,
    responses: { 200: 'The settings', 422: 'Invalid fields' },
  }

  async handle(ctx: HttpContext) {
    const change = await ctx.request.validateUsing(updateVoucherSettingsValidator)
    return ctx.response.ok(await updateVoucherSettings(await actingFrom(ctx), change))
  }
}
