import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { readVoucherSettings } from '../services/voucher_settings.js'

export default class ShowVoucherSettings {
  static docs: EndpointDocs = {
    summary:
      'Voucher settings: delivery (`radius`, recommended, or `push` to a router), default router and hotspot server, hotspot login address for QR codes, card template, logo on cards',
    tags: ['vouchers'],
    responses: { 200: 'The settings (defaults until first saved)' },
  }

  async handle(ctx: HttpContext) {
    return ctx.response.ok(await readVoucherSettings(await ctx.tenantDb()))
  }
}
