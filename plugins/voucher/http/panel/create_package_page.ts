import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { createVoucherPackageValidator } from '../../validators/packages.js'
import { createVoucherPackage } from '../../services/package_changes.js'

/** The package editor, adding. Refusals go back to the form (panel error handling). */
export default class CreateVoucherPackagePage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createVoucherPackageValidator)
    await createVoucherPackage(await actingFrom(ctx), input)
    return ctx.response.redirect('/voucher-packages')
  }
}
