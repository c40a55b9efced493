import type { HttpContext } from '@adonisjs/core/http'
import { listPackagesQuery } from '../validators/packages.js'
import { listPackages } from '../services/package_queries.js'

type Filters = Parameters<typeof listPackages>[1]
import { panelAbilities } from './panel_page.js'

/** The panel's price list: every package, active or not, searchable by name. */
export default class PackagesPage {
  async handle(ctx: HttpContext) {
    const [error, parsed] = await ctx.request.tryValidateUsing(listPackagesQuery)
    const filters: Filters = error ? {} : { ...parsed, perPage: parsed.perPage ?? 20 }
    return ctx.inertia.render('customers/packages/index', {
      packages: await listPackages(await ctx.tenantDb(), filters),
      filters: { q: filters.q ?? '' },
      can: panelAbilities(ctx),
    })
  }
}
