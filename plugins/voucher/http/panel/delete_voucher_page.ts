import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { deleteVoucher } from '../../services/voucher_changes.js'

/** Deletes an unused voucher; a used one is refused with the reason shown on the list. */
export default class DeleteVoucherPage {
  async handle(ctx: HttpContext) {
    await deleteVoucher(await actingFrom(ctx), String(ctx.params.id))
    return ctx.response.redirect().back()
  }
}
