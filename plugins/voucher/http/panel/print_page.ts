import type { HttpContext } from '@adonisjs/core/http'
import { cardsQuery } from '../../validators/batches.js'
import { batchVouchers, findBatchOrFail, presentBatch } from '../../services/batch_queries.js'
import { findVoucherPackageOrFail } from '../../services/package_queries.js'
import { previewCards } from '../../services/card_preview.js'
import { readVoucherSettings } from '../../services/voucher_settings.js'
import { pageOrNotFound, voucherAbilities } from './panel_page.js'

/** Cards shown in the page before printing: a row of the A4 sheet, or a few slips. */
const PREVIEW = { a4: 8, thermal58: 3 }

/** Print preview: the batch's first cards in the page, the whole PDF (A4 or 58 mm) to open or download. */
export default class VoucherPrintPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const [error, parsed] = await ctx.request.tryValidateUsing(cardsQuery)
    return pageOrNotFound(ctx, async () => {
      const row = await findBatchOrFail(trx, String(ctx.params.id))
      const settings = await readVoucherSettings(trx)
      const template = (!error && parsed.template) || settings.cardTemplate
      const pkg = await findVoucherPackageOrFail(trx, row.package_id)
      const cards = await previewCards({
        vouchers: await batchVouchers(trx, row.id),
        mode: row.mode,
        hotspotUrl: pkg.hotspot_url ?? settings.hotspotLoginUrl,
        limit: PREVIEW[template],
        pkg: {
          name: pkg.name,
          price: row.price,
          durationMinutes: pkg.duration_minutes,
          validityDays: pkg.validity_days,
          quotaBytes: pkg.quota_bytes === null ? null : Number(pkg.quota_bytes),
        },
      })
      return ctx.inertia.render('voucher/batches/print', {
        batch: presentBatch(row),
        template,
        title: ctx.tenant!.name,
        cards,
        pdfUrl: `/voucher-batches/${row.id}/cards.pdf?template=${template}`,
        csvUrl: `/voucher-batches/${row.id}/export.csv`,
        can: voucherAbilities(ctx),
      })
    })
  }
}
