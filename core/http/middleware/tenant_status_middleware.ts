import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ApiError } from '../api_error.js'

/**
 * A deactivated tenant reaches nothing; a panel-isolated tenant (unpaid
 * platform invoice) reaches only the routes marked as its way out.
 */
export default class TenantStatusMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { allowIsolated?: boolean } = {}) {
    const status = ctx.tenant?.status
    if (status === 'deactivated') {
      throw new ApiError(
        403,
        'TENANT_DEACTIVATED',
        'This account is deactivated. Contact the platform administrator.'
      )
    }
    if (status === 'panel_isolated' && !options.allowIsolated) {
      throw new ApiError(
        403,
        'TENANT_ISOLATED',
        'This account is suspended until the platform invoice is paid. Open Billing to pay it.'
      )
    }
    return next()
  }
}
