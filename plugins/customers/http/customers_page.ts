import type { HttpContext } from '@adonisjs/core/http'
import { listCustomersQuery } from '../validators/customers.js'
import {
  listCategories,
  listCustomers,
  type CustomerFilters,
} from '../services/customer_queries.js'
import { listPackages } from '../services/package_queries.js'
import { panelAbilities } from './panel_page.js'

/** The panel's customer list: the API's list, its filters kept in the URL. */
export default class CustomersPage {
  async handle(ctx: HttpContext) {
    // A hand-edited URL with a bad filter shows the unfiltered list rather than an error page.
    const [error, parsed] = await ctx.request.tryValidateUsing(listCustomersQuery)
    const filters: CustomerFilters = error ? {} : { ...parsed, perPage: parsed.perPage ?? 20 }
    const trx = await ctx.tenantDb()
    const packages = await listPackages(trx, { perPage: 100 })
    return ctx.inertia.render('customers/customers/index', {
      customers: await listCustomers(trx, filters),
      filters: {
        q: filters.q ?? '',
        status: filters.status ?? '',
        category: filters.category ?? '',
        packageId: filters.packageId ?? '',
      },
      categories: await listCategories(trx),
      packages: packages.data.map((p) => ({ id: p.id, name: p.name })),
      can: panelAbilities(ctx),
    })
  }
}
