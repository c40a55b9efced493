import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import kernel from '../../services/kernel.js'
import { ApiError } from '../../http/api_error.js'
import { tenantDetail } from '../tenant_detail.js'
import { searchAuditLogs } from '../audit_search.js'
import { listAddonOffers, listPlans } from '../../tenancy/limits/plan_catalog.js'
import { featureGroups, knownFeatures } from '../../tenancy/features/feature_service.js'
import { flashedRefusal, tenantIdParam } from './panel_form.js'

const auditPageValidator = vine.create(
  vine.object({ auditPage: vine.number().withoutDecimals().range([1, 100_000]).optional() })
)

/**
 * One tenant for the super admin: plan and limits, status, features, plugins,
 * addons, and its audit log; with the catalogs the page's forms choose from.
 */
export default class TenantPage {
  async handle(ctx: HttpContext) {
    const id = tenantIdParam(ctx)
    const tenant = id ? await tenantDetail(id).catch(notFoundAsNull) : null
    if (!tenant) {
      ctx.response.status(404)
      return ctx.inertia.render('core/errors/not_found', {})
    }
    const [, query] = await ctx.request.tryValidateUsing(auditPageValidator)
    const [plans, groups, features, offers, audit] = await Promise.all([
      listPlans({ includeInactive: true }),
      featureGroups(),
      knownFeatures(),
      listAddonOffers(),
      searchAuditLogs({ tenantId: tenant.id, page: query?.auditPage ?? 1, perPage: 10 }),
    ])
    // Not `tenant`: that shared prop is the tenant the panel runs in (none here).
    return ctx.inertia.render('core/admin/tenants/show', {
      tenantDetail: tenant,
      plans: plans.map((p) => ({
        code: p.code,
        name: p.name,
        price: p.price,
        active: p.active,
        featureGroup: p.featureGroup,
      })),
      featureGroups: groups,
      features: [...features].sort().map((name) => ({
        name,
        plugin: kernel.plugins.has(name),
        title: kernel.plugins.get(name)?.definition.name ?? null,
      })),
      installedPlugins: kernel.plugins.plugins.map(({ definition }) => ({
        id: definition.id,
        name: definition.name,
        description: definition.description,
        version: definition.version,
        requires: kernel.plugins.requiredBy(definition.id),
      })),
      addonOffers: offers,
      audit,
      refusal: flashedRefusal(ctx),
    })
  }
}

function notFoundAsNull(error: unknown) {
  if (error instanceof ApiError && error.status === 404) return null
  throw error
}
