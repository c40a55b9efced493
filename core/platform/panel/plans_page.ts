import type { HttpContext } from '@adonisjs/core/http'
import kernel from '../../services/kernel.js'
import { platformDb } from '../../tenancy/tenant_db.js'
import { knownLimitKeys, listPlans } from '../../tenancy/limits/plan_catalog.js'
import { featureGroups, knownFeatures } from '../../tenancy/features/feature_service.js'

/** The plans editor: every plan with its price, limits and feature group, and the groups themselves. */
export default class PlansPage {
  async handle({ inertia }: HttpContext) {
    const db = platformDb()
    const [plans, groups, limitKeys, features, tenants] = await Promise.all([
      listPlans({ includeInactive: true }),
      featureGroups(),
      knownLimitKeys(),
      knownFeatures(),
      db.from('tenants').groupBy('plan').select('plan', db.raw('COUNT(*)::int AS total')),
    ])
    const onPlan = new Map<string, number>(tenants.map((row) => [row.plan, row.total]))
    return inertia.render('core/admin/plans', {
      plans: plans.map((plan) => ({ ...plan, tenantCount: onPlan.get(plan.code) ?? 0 })),
      featureGroups: groups,
      limitKeys: [...limitKeys].sort(),
      features: [...features].sort().map((name) => ({
        name,
        plugin: kernel.plugins.has(name),
        title: kernel.plugins.get(name)?.definition.name ?? null,
      })),
    })
  }
}
