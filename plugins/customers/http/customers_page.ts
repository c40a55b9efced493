import type { HttpContext } from '@adonisjs/core/http'
import { listCustomersQuery } from '../validators/customers.js'
import { listCustomers, type CustomerFilters } from '../services/customer_queries.js'
import { panelAbilities } from './panel_page.js'

/** The panel's customer list: the API's list, its filters kept in the URL. */
export default class CustomersPage {
  async handle(ctx: HttpContext) {
    // A hand-edited URL with a bad filter shows the unfiltered list rather than an error page.
    const [error, parsed] = await ctx.request.tryValidateUsing(listCustomersQuery)
    const filters: CustomerFilters = error ? {} : { ...parsed, perPage: parsed.perPage ?? 20 }
    return ctx.inertia.render('customers/customers/index', {
      customers: await listCustomers(await ctx.tenantDb(), filters),
      filters: { q: filters.q ?? '', status: filters.status ?? '' },
      can: panelAbilities(ctx),
    })
  }
}
