import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import {
  assertPluginEnabled,
  assertTenantStatus,
  resolveTenant,
} from '../../tenancy/tenant_guards.js'

export interface TenantChainOptions {
  /** Plugin whose enablement the route requires */
  plugin?: string
  /** Route stays reachable for a panel-isolated tenant (billing, logout) */
  allowIsolated?: boolean
}

/**
 * tenant → tenant status → plugin enabled, in that order. A plain function
 * rather than a middleware class: it runs on every tenant request, and a
 * class would be resolved from the container each time.
 */
export function tenantChain(options: TenantChainOptions = {}) {
  return async function tenantChainMiddleware(ctx: HttpContext, next: NextFn) {
    const tenant = await resolveTenant(ctx)
    assertTenantStatus(tenant, options.allowIsolated)
    if (options.plugin) await assertPluginEnabled(tenant, options.plugin)
    return next()
  }
}
