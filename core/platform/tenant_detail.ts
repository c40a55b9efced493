import kernel from '../services/kernel.js'
import { ApiError } from '../http/api_error.js'
import { platformDb } from '../tenancy/tenant_db.js'
import { effectiveLimits, type LimitBreakdown } from '../tenancy/limits/limit_service.js'
import { featureGroups, featuresOf } from '../tenancy/features/feature_service.js'
import { tenantRecord } from './tenant_record.js'

/** One limit as the super admin sees it: the breakdown, and whether the override is charged. */
export interface LimitView extends LimitBreakdown {
  /** null when there is no override */
  billable: boolean | null
}

/** Everything the super admin's tenant page shows, read through the owner connection. */
export async function tenantDetail(id: string) {
  const tenant = await tenantRecord(id)
  const db = platformDb()
  const [limits, features, groups, plugins, addons, users] = await Promise.all([
    limitsOf(id, tenant.limits ?? {}),
    featuresOf(id),
    featureGroups(),
    db
      .from('tenant_plugins')
      .where({ tenant_id: id, enabled: true })
      .orderBy('plugin_id')
      .select('plugin_id', 'source', 'updated_by', 'updated_at'),
    db
      .from('tenant_addons as a')
      .join('addon_catalog as c', 'c.code', 'a.addon_code')
      .where('a.tenant_id', id)
      .orderBy('a.created_at', 'desc')
      .select('a.id', 'a.addon_code', 'c.name', 'c.limit_key', 'c.increment', 'a.quantity')
      .select(
        'a.status',
        'a.billable',
        'c.price',
        'c.billing_cycle',
        'a.created_by',
        'a.created_at'
      ),
    db.from('users').where('tenant_id', id).count('* as total'),
  ])
  const sameSet = (a: string[], b: string[]) =>
    a.length === b.length && a.every((f) => b.includes(f))

  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    plan: tenant.plan,
    status: tenant.status,
    customDomain: tenant.custom_domain,
    timezone: tenant.timezone,
    locale: tenant.locale,
    createdAt: tenant.created_at,
    updatedAt: tenant.updated_at,
    userCount: Number(users[0].total),
    limits,
    features,
    /** The group the features match exactly (simple mode), or null for a custom set */
    featureGroup: groups.find((g) => sameSet(g.features, features))?.code ?? null,
    plugins: plugins.map((p) => {
      const installed = kernel.plugins.get(p.plugin_id)?.definition
      return {
        id: p.plugin_id,
        name: installed?.name ?? p.plugin_id,
        version: installed?.version ?? null,
        installed: Boolean(installed),
        /** plan | addon | admin | dependency */
        source: p.source,
        changedBy: p.updated_by,
        changedAt: p.updated_at,
      }
    }),
    addons: addons.map((a) => ({
      id: a.id,
      code: a.addon_code,
      name: a.name,
      limitKey: a.limit_key,
      increment: a.increment,
      quantity: a.quantity,
      status: a.status,
      billable: a.billable,
      price: a.price,
      billingCycle: a.billing_cycle,
      createdBy: a.created_by,
      createdAt: a.created_at,
    })),
  }
}

/**
 * A tenant whose plan left the catalog still gets a page (limits null), so
 * that the super admin can open it and assign a plan.
 */
async function limitsOf(
  id: string,
  overrides: Record<string, { billable: boolean }>
): Promise<Record<string, LimitView> | null> {
  try {
    const limits = await effectiveLimits(id)
    return Object.fromEntries(
      Object.entries(limits).map(([key, breakdown]) => [
        key,
        { ...breakdown, billable: overrides[key]?.billable ?? null },
      ])
    )
  } catch (error) {
    if (error instanceof ApiError && error.code === 'PLAN_NOT_FOUND') return null
    throw error
  }
}
