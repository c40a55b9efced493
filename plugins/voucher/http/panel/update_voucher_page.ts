import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { updateVoucherValidator } from '../../validators/vouchers.js'
import { setVoucherDisabled } from '../../services/voucher_changes.js'
import { findVoucherOrFail } from '../../services/voucher_queries.js'

/** Disable or enable a voucher from the list; the list reloads where it was. */
export default class UpdateVoucherPage {
  async handle(ctx: HttpContext) {
    await findVoucherOrFail(await ctx.tenantDb(), String(ctx.params.id))
    const { disabled } = await ctx.request.validateUsing(updateVoucherValidator)
    await setVoucherDisabled(await actingFrom(ctx), String(ctx.params.id), disabled)
    return ctx.response.redirect().back()
  }
}
