import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import kernel from '../../services/kernel.js'
import { ApiError } from '../api_error.js'
import type { TenantSummary } from '../../tenancy/tenant_directory.js'

/**
 * Resolves the tenant a request acts for, once, and puts it on the context.
 * Sources, in order: the tenant already set by authentication, then the
 * host (custom domain or subdomain).
 */
export default class TenantMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.tenant) {
      const tenant = await kernel.tenants.byHost(ctx.request.host())
      if (!tenant) {
        throw new ApiError(
          404,
          'TENANT_NOT_FOUND',
          "No tenant matches this address. Sign in or use your tenant's panel address."
        )
      }
      ctx.tenant = tenant
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    tenant?: TenantSummary
  }
}
