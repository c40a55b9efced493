import { recordAudit } from '../audit/audit_log.js'
import type { Actor } from '../plugins/enablement.js'
import { assertLimitKey, assertPlanCode, invalid } from './limits/plan_catalog.js'
import {
  effectiveLimits,
  tenantRow,
  type LimitBreakdown,
  type LimitOverride,
} from './limits/limit_service.js'
import { platformDb } from './tenant_db.js'

const MAX_INT = 2_000_000_000

export interface PlanChange {
  before: string
  after: string
  /**
   * The new plan's feature group. Changing the plan does not touch features
   * (a tenant may have a custom set); in simple mode the caller passes this
   * to `applyGroup` and then syncs plugins.
   */
  featureGroup: string | null
}

/** Moves a tenant to another plan on sale; its limits follow at once. */
export async function changePlan(
  tenantId: string,
  planCode: string,
  by: Actor
): Promise<PlanChange> {
  const plan = await assertPlanCode(planCode, 'plan')
  return platformDb().transaction(async (trx) => {
    const tenant = await tenantRow(trx, tenantId, { forUpdate: true })
    if (tenant.plan !== plan.code) {
      await trx
        .from('tenants')
        .where('id', tenantId)
        .update({ plan: plan.code, updated_at: new Date() })
      await recordAudit(
        {
          tenantId,
          actor: by.actor,
          action: 'tenant.plan_changed',
          subjectType: 'tenant',
          subjectId: tenantId,
          before: { plan: tenant.plan },
          after: { plan: plan.code },
          ip: by.ip,
          requestId: by.requestId,
        },
        trx
      )
    }
    return { before: tenant.plan, after: plan.code, featureGroup: plan.featureGroup }
  })
}

/**
 * Sets one limit of one tenant regardless of its plan (addons still add on
 * top); `null` removes the override so the plan's default applies again.
 * `billable` (default true) tells billing whether to charge for it.
 */
export async function overrideLimit(
  tenantId: string,
  limitKey: string,
  value: number | null,
  by: Actor,
  options: { billable?: boolean } = {}
): Promise<LimitBreakdown> {
  const { billable = true } = options
  const errors = []
  if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_INT)) {
    errors.push({
      field: 'value',
      message: 'must be a whole number of at least 0, or null to go back to the plan default',
    })
  }
  if (typeof billable !== 'boolean')
    errors.push({ field: 'billable', message: 'must be true or false' })
  if (errors.length) invalid(errors)
  await assertLimitKey(limitKey, 'limitKey')

  await platformDb().transaction(async (trx) => {
    const tenant = await tenantRow(trx, tenantId, { forUpdate: true })
    const overrides: Record<string, LimitOverride> = { ...tenant.limits }
    const before = overrides[limitKey] ?? null
    const after = value === null ? null : { value, billable }
    const same =
      before === null
        ? after === null
        : after !== null && before.value === after.value && before.billable === after.billable
    if (same) return
    if (after) overrides[limitKey] = after
    else delete overrides[limitKey]
    await trx
      .from('tenants')
      .where('id', tenantId)
      .update({ limits: JSON.stringify(overrides), updated_at: new Date() })
    await recordAudit(
      {
        tenantId,
        actor: by.actor,
        action: after ? 'limit.overridden' : 'limit.override_removed',
        subjectType: 'limit',
        subjectId: limitKey,
        before,
        after,
        ip: by.ip,
        requestId: by.requestId,
      },
      trx
    )
  })
  return (await effectiveLimits(tenantId))[limitKey]
}
