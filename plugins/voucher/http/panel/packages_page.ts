import type { HttpContext } from '@adonisjs/core/http'
import { listVoucherPackagesQuery } from '../../validators/packages.js'
import { listVoucherPackages } from '../../services/package_queries.js'
import { voucherAbilities } from './panel_page.js'

/** The voucher price list, with the editor on the same page. */
export default class VoucherPackagesPage {
  async handle(ctx: HttpContext) {
    // A hand-edited URL with a bad parameter shows the first page rather than an error.
    const [error, parsed] = await ctx.request.tryValidateUsing(listVoucherPackagesQuery)
    const filters = error ? {} : { ...parsed, perPage: parsed.perPage ?? 20 }
    return ctx.inertia.render('voucher/packages/index', {
      packages: await listVoucherPackages(await ctx.tenantDb(), filters),
      can: voucherAbilities(ctx),
    })
  }
}
