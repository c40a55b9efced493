import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { deleteVoucherPackage } from '../services/package_changes.js'

export default class DeleteVoucherPackage {
  static docs: EndpointDocs = {
    summary: 'Remove a voucher package no batch was made from',
    tags: ['vouchers'],
    responses: {
      204: 'Deleted',
      404: 'VOUCHER_PACKAGE_NOT_FOUND',
      409: 'VOUCHER_PACKAGE_IN_USE: says how many vouchers were made from it',
    },
  }

  async handle(ctx: HttpContext) {
    await deleteVoucherPackage(await actingFrom(ctx), ctx.params.id)
    return ctx.response.noContent()
  }
}
