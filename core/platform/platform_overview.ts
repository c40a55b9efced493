import { platformDb } from '../tenancy/tenant_db.js'
import type { TenantStatus } from '../tenancy/tenant_directory.js'
import { listPlans } from '../tenancy/limits/plan_catalog.js'

/** Tenants that pay: a panel-isolated tenant still owes its plan; a deactivated one does not. */
const PAYING: TenantStatus[] = ['active', 'panel_isolated']

export interface RevenueLine {
  /** IDR per month */
  plans: number
  addons: number
  total: number
  /** Paying tenants whose plan has no list price (negotiated): not counted in `plans` */
  negotiated: number
}

/**
 * Monthly recurring revenue in IDR, as the catalog prices it today: each
 * paying tenant's plan, plus its active billable addons (a yearly addon
 * counts one twelfth, rounded down; one-time addons are not recurring).
 */
export async function monthlyRecurringRevenue(): Promise<RevenueLine> {
  const db = platformDb()
  const [plans, addons] = await Promise.all([
    db
      .from('tenants as t')
      .join('plans as p', 'p.code', 't.plan')
      .whereIn('t.status', PAYING)
      .select(
        db.raw('COALESCE(SUM(p.price), 0)::bigint AS amount'),
        db.raw('COUNT(*) FILTER (WHERE p.price IS NULL)::int AS negotiated')
      )
      .first(),
    db
      .from('tenant_addons as a')
      .join('tenants as t', 't.id', 'a.tenant_id')
      .join('addon_catalog as c', 'c.code', 'a.addon_code')
      .whereIn('t.status', PAYING)
      .where({ 'a.status': 'active', 'a.billable': true })
      .select(
        db.raw(
          `COALESCE(SUM(CASE c.billing_cycle
             WHEN 'monthly' THEN a.quantity::bigint * c.price
             WHEN 'yearly' THEN (a.quantity::bigint * c.price) / 12
             ELSE 0 END), 0)::bigint AS amount`
        )
      )
      .first(),
  ])
  const fromPlans = Number(plans.amount)
  const fromAddons = Number(addons.amount)
  return {
    plans: fromPlans,
    addons: fromAddons,
    total: fromPlans + fromAddons,
    negotiated: plans.negotiated,
  }
}

/** What the super admin's dashboard shows: tenants by status and plan, revenue, recent activity. */
export async function platformOverview() {
  const db = platformDb()
  const [byStatus, byPlan, plans, revenue, signUps, audit] = await Promise.all([
    db.from('tenants').groupBy('status').select('status', db.raw('COUNT(*)::int AS total')),
    db.from('tenants').groupBy('plan').select('plan', db.raw('COUNT(*)::int AS total')),
    listPlans({ includeInactive: true }),
    monthlyRecurringRevenue(),
    db
      .from('tenants')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(5)
      .select('id', 'name', 'slug', 'plan', 'status', 'created_at'),
    platformActivity(8),
  ])
  const statusCount = (status: TenantStatus) =>
    byStatus.find((row) => row.status === status)?.total ?? 0
  const planCount = new Map<string, number>(byPlan.map((row) => [row.plan, row.total]))
  const total = byStatus.reduce((sum, row) => sum + row.total, 0)
  return {
    tenants: {
      total,
      byStatus: {
        active: statusCount('active'),
        panel_isolated: statusCount('panel_isolated'),
        deactivated: statusCount('deactivated'),
      },
      // Every plan, even one nobody is on yet; and a plan left the catalog under its code.
      byPlan: [
        ...plans.map((p) => ({ plan: p.code, name: p.name, total: planCount.get(p.code) ?? 0 })),
        ...byPlan
          .filter((row) => !plans.some((p) => p.code === row.plan))
          .map((row) => ({ plan: row.plan, name: row.plan, total: row.total })),
      ],
    },
    revenue,
    signUps: signUps.map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      plan: row.plan,
      status: row.status as TenantStatus,
      createdAt: row.created_at,
    })),
    audit,
  }
}

/**
 * The latest changes made at platform level: by a super admin (in any
 * tenant) or to platform data (plans, feature groups). Tenants' own
 * sign-ins and edits stay in their own logs.
 */
async function platformActivity(limit: number) {
  const rows = await platformDb()
    .from('audit_logs as a')
    .leftJoin('tenants as t', 't.id', 'a.tenant_id')
    .where((q) => q.whereLike('a.actor', 'super\\_admin:%').orWhereNull('a.tenant_id'))
    .orderBy([
      { column: 'a.created_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(limit)
    .select('a.*', 't.slug as tenant_slug', 't.name as tenant_name')
  return rows.map((row) => ({
    id: String(row.id),
    tenantId: row.tenant_id as string | null,
    tenant: row.tenant_id ? { slug: row.tenant_slug, name: row.tenant_name } : null,
    actor: row.actor as string,
    action: row.action as string,
    subjectType: row.subject_type as string | null,
    subjectId: row.subject_id as string | null,
    before: row.before,
    after: row.after,
    createdAt: row.created_at as Date,
  }))
}
