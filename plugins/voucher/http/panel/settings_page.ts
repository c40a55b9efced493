import type { HttpContext } from '@adonisjs/core/http'
import { readVoucherSettings } from '../../services/voucher_settings.js'
import { routerChoices } from '../../services/batch_push.js'
import { voucherAbilities } from './panel_page.js'

/** The tenant's voucher settings form. */
export default class VoucherSettingsPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    return ctx.inertia.render('voucher/settings/index', {
      settings: await readVoucherSettings(trx),
      routers: await routerChoices(trx, ctx.tenant!.id),
      can: voucherAbilities(ctx),
    })
  }
}
