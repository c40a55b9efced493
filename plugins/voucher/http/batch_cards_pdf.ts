import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { cardsQuery } from '../validators/batches.js'
import { batchVouchers, findBatchOrFail } from '../services/batch_queries.js'
import { findVoucherPackageOrFail } from '../services/package_queries.js'
import { renderCardsPdf } from '../services/voucher_cards_pdf.js'
import { readVoucherSettings } from '../services/voucher_settings.js'
import { cardLogo } from '../services/card_logo.js'

export default class VoucherBatchCardsPdf {
  static docs: EndpointDocs = {
    summary:
      'Printable cards of a batch: `template=a4` (32 per page, to cut) or `thermal58` (one per 58 mm slip; default from the settings). Each shows price, time, code and, with a hotspot address (query `hotspotUrl`, the package, or the settings), a QR code of the login page',
    tags: ['vouchers'],
    query: cardsQuery,
    responses: {
      200: 'application/pdf',
      404: 'VOUCHER_BATCH_NOT_FOUND',
      409: 'VOUCHER_BATCH_EMPTY',
    },
  }

  async handle(ctx: HttpContext) {
    const query = await ctx.request.validateUsing(cardsQuery)
    const trx = await ctx.tenantDb()
    const settings = await readVoucherSettings(trx)
    const template = query.template ?? settings.cardTemplate
    const batch = await findBatchOrFail(trx, ctx.params.id)
    const vouchers = await batchVouchers(trx, batch.id)
    if (!vouchers.length) {
      throw new ApiError(
        409,
        'VOUCHER_BATCH_EMPTY',
        'Every voucher of this batch was deleted; there is nothing to print'
      )
    }
    const pkg = await findVoucherPackageOrFail(trx, batch.package_id)
    const pdf = await renderCardsPdf(
      {
        vouchers,
        mode: batch.mode,
        title: ctx.tenant!.name,
        logo: settings.useLogo ? await cardLogo(trx, ctx.tenant!.id) : null,
        hotspotUrl: query.hotspotUrl ?? pkg.hotspot_url ?? settings.hotspotLoginUrl,
        pkg: {
          name: pkg.name,
          price: batch.price,
          durationMinutes: pkg.duration_minutes,
          validityDays: pkg.validity_days,
          quotaBytes: pkg.quota_bytes === null ? null : Number(pkg.quota_bytes),
        },
      },
      template
    )
    ctx.response.header('content-type', 'application/pdf')
    ctx.response.header(
      'content-disposition',
      `inline; filename="vouchers-${batch.id}-${template}.pdf"`
    )
    ctx.response.header('cache-control', 'no-store')
    return ctx.response.ok(pdf)
  }
}
