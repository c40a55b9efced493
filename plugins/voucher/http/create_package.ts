import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { createVoucherPackageValidator } from '../validators/packages.js'
import { createVoucherPackage } from '../services/package_changes.js'

export default class CreateVoucherPackage {
  static docs: EndpointDocs = {
    summary:
      'Add a voucher package: price in IDR, speeds in kbps, optional quota, use time (durationMinutes), validity from first login (validityDays), shared users, MAC lock',
    tags: ['vouchers'],
    body: createVoucherPackageValidator,
    responses: { 201: 'The package', 422: 'Invalid fields or the name is taken' },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createVoucherPackageValidator)
    return ctx.response.created(await createVoucherPackage(await actingFrom(ctx), input))
  }
}
