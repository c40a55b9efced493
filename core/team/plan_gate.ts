import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../http/api_error.js'

// On these plans the built-in roles are all there is (no separate RBAC).
const PLANS_WITHOUT_CUSTOM_ROLES = new Set(['basic'])

/**
 * Refuses role editing on a plan without RBAC. The plan is read from the
 * tenant's own row through the request transaction (row-level security lets
 * a tenant read itself), so a plan change applies on the next request.
 */
export async function assertCustomRolesInPlan(trx: TransactionClientContract, tenantId: string) {
  const tenant = await trx.from('tenants').where('id', tenantId).select('plan').first()
  if (!tenant || PLANS_WITHOUT_CUSTOM_ROLES.has(tenant.plan)) {
    throw new ApiError(
      403,
      'FEATURE_NOT_IN_PLAN',
      `Custom roles and role editing are not part of the ${tenant?.plan ?? 'current'} plan. Upgrade to Pro or higher to define your own roles.`
    )
  }
}

/** Whether the tenant's plan lets it define and edit roles, for pages that explain it up front. */
export async function customRolesInPlan(trx: TransactionClientContract, tenantId: string) {
  const tenant = await trx.from('tenants').where('id', tenantId).select('plan').first()
  const plan = (tenant?.plan as string | undefined) ?? null
  return { name: plan, customRoles: Boolean(plan) && !PLANS_WITHOUT_CUSTOM_ROLES.has(plan!) }
}
