import type { HttpContext } from '@adonisjs/core/http'
import kernel from '../services/kernel.js'
import { ApiError } from '../http/api_error.js'
import { pluginRequests } from '../metrics/metrics.js'
import type { TenantSummary } from './tenant_directory.js'
import { actorCan, type Actor } from '../identity/actor.js'
import type { TenantTransaction } from './tenant_db.js'

/**
 * The steps of the tenant chain, in the order they must run. Kept as plain
 * functions so one middleware runs them all: a middleware per step costs a
 * container resolution each, on every request.
 */

/**
 * The tenant the signed-in user acts for: their own, or the one a super
 * admin impersonates. A request arriving on another tenant's address is refused.
 */
export async function resolveTenant(ctx: HttpContext, actor: Actor): Promise<TenantSummary> {
  if (ctx.tenant) return ctx.tenant
  if (!actor.tenantId) {
    throw new ApiError(
      403,
      'IMPERSONATION_REQUIRED',
      'Super admins act inside a tenant only by impersonating it (audited). Start an impersonation first.'
    )
  }
  const tenant =
    kernel.tenants.peekById(actor.tenantId) ?? (await kernel.tenants.byId(actor.tenantId))
  if (!tenant)
    throw new ApiError(404, 'TENANT_NOT_FOUND', 'The account you belong to no longer exists.')
  const host = ctx.request.host()
  const hostTenant = kernel.tenants.peekByHost(host) ?? (await kernel.tenants.byHost(host))
  if (hostTenant && hostTenant.id !== tenant.id) {
    throw new ApiError(
      403,
      'TENANT_MISMATCH',
      `You are signed in to ${tenant.name}, not to this address's account.`
    )
  }
  ctx.tenant = tenant
  return tenant
}

/** The permission a route needs; super admins (impersonating, audited) hold every permission. */
export function assertPermission(actor: Actor, permission: string) {
  if (!actorCan(actor, permission)) {
    throw new ApiError(
      403,
      'PERMISSION_DENIED',
      `Your role does not include the "${permission}" permission.`
    )
  }
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
    /**
     * The request's transaction on the app connection with the tenant set:
     * row-level security limits every query through it to this tenant. Opened
     * on first use, committed when the request succeeds, rolled back when it fails.
     */
    tenantDb: () => Promise<TenantTransaction>
    /** Runs after the request's transaction commits (never when it rolls back) */
    afterCommit: (callback: () => Promise<unknown> | unknown) => void
  }
}
