import type { HttpContext } from '@adonisjs/core/http'
import { sessionFiltersValidator } from '../validators.js'
import { listSessions, terminateCauses } from '../../models/session_queries.js'
import { nasOptions, timezoneOf } from './panel_support.js'

/** Past and present sessions, filtered by login, NAS, days and how they ended. */
export default class HistoryPage {
  async handle(ctx: HttpContext) {
    const [error, parsed] = await ctx.request.tryValidateUsing(sessionFiltersValidator)
    const filters = error ? {} : parsed
    const trx = await ctx.tenantDb()
    return ctx.inertia.render('radius/history/index', {
      sessions: await listSessions(trx, timezoneOf(ctx), filters),
      filters: {
        username: filters.username ?? '',
        nasId: filters.nasId ?? '',
        from: filters.from ?? '',
        to: filters.to ?? '',
        terminateCause: filters.terminateCause ?? '',
      },
      nasOptions: await nasOptions(trx),
      causes: await terminateCauses(trx),
    })
  }
}
