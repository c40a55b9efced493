import type { HttpContext } from '@adonisjs/core/http'
import kernel from '../services/kernel.js'
import { ApiError } from '../http/api_error.js'
import { pluginRequests } from '../metrics/metrics.js'
import type { TenantSummary } from './tenant_directory.js'

/**
 * The steps of the tenant chain, in the order they must run. Kept as plain
 * functions so one middleware runs them all: a middleware per step costs a
 * container resolution each, on every request.
 */

/** The tenant already set by authentication, else the one the host names. */
export async function resolveTenant(ctx: HttpContext): Promise<TenantSummary> {
  if (ctx.tenant) return ctx.tenant
  const host = ctx.request.host()
  const tenant = kernel.tenants.peekByHost(host) ?? (await kernel.tenants.byHost(host))
  if (!tenant) {
    throw new ApiError(
      404,
      'TENANT_NOT_FOUND',
      "No tenant matches this address. Sign in or use your tenant's panel address."
    )
  }
  ctx.tenant = tenant
  return tenant
}

/** A deactivated tenant reaches nothing; a panel-isolated one only its way out (billing, logout). */
export function assertTenantStatus(tenant: TenantSummary, allowIsolated = false) {
  if (tenant.status === 'deactivated') {
    throw new ApiError(
      403,
      'TENANT_DEACTIVATED',
      'This account is deactivated. Contact the platform administrator.'
    )
  }
  if (tenant.status === 'panel_isolated' && !allowIsolated) {
    throw new ApiError(
      403,
      'TENANT_ISOLATED',
      'This account is suspended until the platform invoice is paid. Open Billing to pay it.'
    )
  }
}

/** Every installed plugin's routes exist; this decides, per tenant, whether they answer. */
export async function assertPluginEnabled(tenant: TenantSummary, plugin: string) {
  const enabled =
    kernel.enablement.peekEnabled(tenant.id, plugin) ??
    (await kernel.enablement.isEnabled(tenant.id, plugin))
  if (!enabled) {
    pluginRequests.inc({ plugin, outcome: 'disabled' })
    throw new ApiError(
      403,
      'PLUGIN_DISABLED',
      `The "${plugin}" module is not enabled for this account. Ask the platform administrator to enable it.`
    )
  }
  pluginRequests.inc({ plugin, outcome: 'served' })
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    tenant?: TenantSummary
  }
}
