import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import {
  assertPermission,
  assertPluginEnabled,
  assertTenantStatus,
  resolveTenant,
} from '../../tenancy/tenant_guards.js'
import { authenticate, requireActor } from '../../auth/authenticate.js'
import { openTenantTransaction, type TenantTransaction } from '../../tenancy/tenant_db.js'

export interface TenantChainOptions {
  /** Plugin whose enablement the route requires */
  plugin?: string
  /** Route stays reachable for a panel-isolated tenant (billing, logout) */
  allowIsolated?: boolean
  /** Permission the actor needs */
  permission?: string
  /** A panel page: an anonymous visitor is sent to the sign-in page instead of getting a 401 */
  panel?: boolean
}

/**
 * auth → tenant → tenant status → plugin enabled → permission, in that order. A plain function
 * rather than a middleware class: it runs on every tenant request, and a
 * class would be resolved from the container each time.
 */
export function tenantChain(options: TenantChainOptions = {}) {
  return async function tenantChainMiddleware(ctx: HttpContext, next: NextFn) {
    if (options.panel && !(await authenticate(ctx))) return ctx.response.redirect('/login')
    const actor = await requireActor(ctx)
    // A super admin who is not impersonating has no tenant panel: theirs is /admin.
    if (options.panel && !actor.tenantId && !ctx.tenant && ctx.request.method() === 'GET') {
      return ctx.response.redirect('/admin')
    }
    const tenant = await resolveTenant(ctx, actor)
    assertTenantStatus(tenant, options.allowIsolated)
    if (options.plugin) await assertPluginEnabled(tenant, options.plugin)
    if (options.permission) assertPermission(actor, options.permission)

    let transaction: Promise<TenantTransaction> | undefined
    const committed: (() => Promise<unknown> | unknown)[] = []
    ctx.tenantDb = () => (transaction ??= openTenantTransaction(tenant.id))
    ctx.afterCommit = (callback) => void committed.push(callback)
    let output: unknown
    try {
      output = await next()
    } catch (error) {
      if (transaction) await (await transaction).rollback()
      throw error
    }
    // Route errors are rendered inside the pipeline, so `next()` resolves even
    // when the handler failed: the status tells whether to keep the writes.
    const failed = ctx.response.getStatus() >= 400
    if (transaction) {
      const trx = await transaction
      await (failed ? trx.rollback() : trx.commit())
    }
    if (failed) return output
    // Events for other plugins go out only once the data they describe is committed.
    for (const callback of committed) await callback()
    return output
  }
}

/** Route-level permission check, after the tenant chain has authenticated the actor. */
export function requirePermission(permission: string) {
  return async function permissionMiddleware(ctx: HttpContext, next: NextFn) {
    assertPermission(ctx.actor!, permission)
    return next()
  }
}
