import type { HttpContext } from '@adonisjs/core/http'
import { listVouchersQuery } from '../../validators/vouchers.js'
import { listVouchers } from '../../services/voucher_queries.js'
import { listBatches } from '../../services/batch_queries.js'
import { listVoucherPackages } from '../../services/package_queries.js'
import { tenantZone, voucherAbilities } from './panel_page.js'

type Filters = Parameters<typeof listVouchers>[1]

/** Every voucher, filtered by batch, package, status and day made, a page at a time. */
export default class VouchersPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const [error, parsed] = await ctx.request.tryValidateUsing(listVouchersQuery)
    const filters: Filters = error ? {} : { ...parsed, perPage: parsed.perPage ?? 25 }
    const packages = await listVoucherPackages(trx, { perPage: 100 })
    const batches = await listBatches(trx, { perPage: 50 })
    return ctx.inertia.render('voucher/vouchers/index', {
      vouchers: await listVouchers(trx, filters, tenantZone(ctx)),
      filters: {
        q: filters.q ?? '',
        batchId: filters.batchId ?? '',
        packageId: filters.packageId ?? '',
        status: filters.status ?? '',
        createdFrom: filters.createdFrom ?? '',
        createdTo: filters.createdTo ?? '',
      },
      packages: packages.data.map((p) => ({ id: p.id, name: p.name })),
      batches: batches.data.map((b) => ({
        id: b.id,
        createdAt: b.createdAt,
        count: b.count,
        prefix: b.prefix,
        packageName: b.package.name,
      })),
      timezone: tenantZone(ctx),
      can: voucherAbilities(ctx),
    })
  }
}
