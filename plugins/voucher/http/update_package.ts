import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom, requireAnyField } from '#core/team/acting'
import { updateVoucherPackageValidator } from '../validators/packages.js'
import { updateVoucherPackage } from '../services/package_changes.js'
import { findVoucherPackageOrFail } from '../services/package_queries.js'

const FIELDS = [
  'name',
  'price',
  'downloadKbps',
  'uploadKbps',
  'quotaBytes',
  'durationMinutes',
  'validityDays',
  'sharedUsers',
  'macLock',
  'profileName',
  'hotspotUrl',
  'active',
]

export default class UpdateVoucherPackage {
  static docs: EndpointDocs = {
    summary:
      'Change a voucher package; printed vouchers keep their batch price and get new speeds at their next login',
    tags: ['vouchers'],
    body: updateVoucherPackageValidator,
    responses: {
      200: 'The package as changed',
      404: 'VOUCHER_PACKAGE_NOT_FOUND',
      422: 'Invalid fields or the name is taken',
    },
  }

  async handle(ctx: HttpContext) {
    await findVoucherPackageOrFail(await ctx.tenantDb(), ctx.params.id)
    const change = await ctx.request.validateUsing(updateVoucherPackageValidator)
    requireAnyField(change, FIELDS)
    return ctx.response.ok(await updateVoucherPackage(await actingFrom(ctx), ctx.params.id, change))
  }
}
