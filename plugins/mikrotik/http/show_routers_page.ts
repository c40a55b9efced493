import type { HttpContext } from '@adonisjs/core/http'
import { listRoutersValidator } from '../validators.js'
import { listRouters, type RouterFilters } from '../models/router_queries.js'
import { routerAbilities, takeNotice } from './panel/panel_support.js'

/** The panel's routers page: the same list as the API, filters taken from the URL. */
export default class ShowRoutersPage {
  async handle(ctx: HttpContext) {
    const { request, tenantDb, inertia } = ctx
    // A hand-edited URL with a bad filter shows the unfiltered list rather than an error page.
    const [error, parsed] = await request.tryValidateUsing(listRoutersValidator)
    const filters: RouterFilters = error ? {} : parsed
    const routers = await listRouters(await tenantDb(), filters)
    return inertia.render('mikrotik/routers', {
      routers,
      filters: { q: filters.q ?? '', status: filters.status ?? '', page: filters.page ?? 1 },
      notice: takeNotice(ctx),
      can: routerAbilities(ctx),
    })
  }
}
