import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { updateVoucherValidator } from '../validators/vouchers.js'
import { setVoucherDisabled } from '../services/voucher_changes.js'
import { findVoucherOrFail } from '../services/voucher_queries.js'

export default class UpdateVoucher {
  static docs: EndpointDocs = {
    summary:
      'Disable a voucher (refused at its next login) or enable it again (back to unused, or active once used)',
    tags: ['vouchers'],
    body: updateVoucherValidator,
    responses: { 200: 'The voucher', 404: 'VOUCHER_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    await findVoucherOrFail(await ctx.tenantDb(), ctx.params.id)
    const { disabled } = await ctx.request.validateUsing(updateVoucherValidator)
    return ctx.response.ok(await setVoucherDisabled(await actingFrom(ctx), ctx.params.id, disabled))
  }
}
