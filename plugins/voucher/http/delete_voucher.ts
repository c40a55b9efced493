import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { deleteVoucher } from '../services/voucher_changes.js'

export default class DeleteVoucher {
  static docs: EndpointDocs = {
    summary: 'Remove an unused voucher (a lost or spoiled card); it frees its place in max_voucher',
    tags: ['vouchers'],
    responses: {
      204: 'Deleted',
      404: 'VOUCHER_NOT_FOUND',
      409: 'VOUCHER_IN_USE: it was used; disable it instead',
    },
  }

  async handle(ctx: HttpContext) {
    await deleteVoucher(await actingFrom(ctx), ctx.params.id)
    return ctx.response.noContent()
  }
}
