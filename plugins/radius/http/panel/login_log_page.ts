import type { HttpContext } from '@adonisjs/core/http'
import { authLogFiltersValidator } from '../validators.js'
import { listAuthLog } from '../../models/session_queries.js'

/** Logins accepted and refused, with the reason a refused customer was given. */
export default class LoginLogPage {
  async handle(ctx: HttpContext) {
    const [error, parsed] = await ctx.request.tryValidateUsing(authLogFiltersValidator)
    const filters = error ? {} : parsed
    return ctx.inertia.render('radius/log/index', {
      log: await listAuthLog(await ctx.tenantDb(), filters),
      filters: {
        username: filters.username ?? '',
        result: filters.result ?? '',
        reason: filters.reason ?? '',
      },
    })
  }
}
