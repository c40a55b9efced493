import type { HttpContext } from '@adonisjs/core/http'
import { cardsQuery } from '../../validators/batches.js'
import { findBatchOrFail, presentBatch } from '../../services/batch_queries.js'
import { readVoucherSettings } from '../../services/voucher_settings.js'
import { pageOrNotFound, voucherAbilities } from './panel_page.js'

/** Print preview: the batch's PDF cards in the page, A4 or 58 mm, to check and download. */
export default class VoucherPrintPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const [error, parsed] = await ctx.request.tryValidateUsing(cardsQuery)
    return pageOrNotFound(ctx, async () => {
      const batch = presentBatch(await findBatchOrFail(trx, String(ctx.params.id)))
      const settings = await readVoucherSettings(trx)
      const template = (!error && parsed.template) || settings.cardTemplate
      return ctx.inertia.render('voucher/batches/print', {
        batch,
        template,
        pdfUrl: `/voucher-batches/${batch.id}/cards.pdf?template=${template}`,
        csvUrl: `/voucher-batches/${batch.id}/export.csv`,
        can: voucherAbilities(ctx),
      })
    })
  }
}
