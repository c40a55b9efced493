import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { updateVoucherPackageValidator } from '../../validators/packages.js'
import { updateVoucherPackage } from '../../services/package_changes.js'
import { findVoucherPackageOrFail } from '../../services/package_queries.js'

/** The package editor, changing an existing package. */
export default class UpdateVoucherPackagePage {
  async handle(ctx: HttpContext) {
    await findVoucherPackageOrFail(await ctx.tenantDb(), String(ctx.params.id))
    const change = await ctx.request.validateUsing(updateVoucherPackageValidator)
    await updateVoucherPackage(await actingFrom(ctx), String(ctx.params.id), change)
    return ctx.response.redirect('/voucher-packages')
  }
}
