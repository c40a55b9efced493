import type { HttpContext } from '@adonisjs/core/http'
import { listTenantsValidator } from '../validators.js'
import { listTenants, type TenantListFilters } from '../tenant_listing.js'
import { listPlans } from '../../tenancy/limits/plan_catalog.js'

/** Every tenant, paged by the server; search and filters live in the URL. */
export default class TenantsPage {
  async handle(ctx: HttpContext) {
    // A hand-edited URL with a bad filter shows the unfiltered list rather than an error page.
    const [error, parsed] = await ctx.request.tryValidateUsing(listTenantsValidator)
    const filters: TenantListFilters = error ? {} : { ...parsed, perPage: parsed.perPage ?? 20 }
    const [tenants, plans] = await Promise.all([
      listTenants(filters),
      listPlans({ includeInactive: true }),
    ])
    return ctx.inertia.render('core/admin/tenants/index', {
      tenants,
      filters: { q: filters.q ?? '', status: filters.status ?? '', plan: filters.plan ?? '' },
      plans: plans.map((p) => ({ code: p.code, name: p.name, price: p.price, active: p.active })),
    })
  }
}
