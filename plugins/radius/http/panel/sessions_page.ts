import type { HttpContext } from '@adonisjs/core/http'
import { sessionFiltersValidator } from '../validators.js'
import { listSessions } from '../../models/session_queries.js'
import { nasOptions, radiusAbilities, timezoneOf } from './panel_support.js'

/** Who is online now, with disconnect and CoA for those who may manage. */
export default class SessionsPage {
  async handle(ctx: HttpContext) {
    // A hand-edited URL with a bad filter shows the unfiltered list rather than an error page.
    const [error, parsed] = await ctx.request.tryValidateUsing(sessionFiltersValidator)
    const filters = error ? {} : parsed
    const trx = await ctx.tenantDb()
    return ctx.inertia.render('radius/sessions/index', {
      sessions: await listSessions(trx, timezoneOf(ctx), { ...filters, open: true }),
      filters: { username: filters.username ?? '', nasId: filters.nasId ?? '' },
      nasOptions: await nasOptions(trx),
      lastAction: ctx.session.flashMessages.get('sessionAction') ?? null,
      can: radiusAbilities(ctx),
    })
  }
}
