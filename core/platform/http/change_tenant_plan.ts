import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { changePlanValidator } from '../validators.js'
import { changeTenantPlan } from '../tenant_features.js'
import { tenantDetail } from '../tenant_detail.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class ChangeTenantPlan {
  static docs: EndpointDocs = {
    summary:
      "Move a tenant to another plan; by default its features and plugins follow the plan's feature group",
    tags: ['platform'],
    body: changePlanValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ plan: { before, after }, featureGroup, changed: { enabled, disabled }, tenant }',
      404: 'No such tenant',
      409: 'A plugin the new group drops is still needed by another enabled plugin',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const { plan, applyFeatureGroup = true } = await ctx.request.validateUsing(changePlanValidator)
    const result = await changeTenantPlan(ctx.params.id, plan, applyFeatureGroup, by)
    return ctx.response.ok({
      plan: result.plan,
      featureGroup: result.featureGroup,
      changed: result.plugins,
      tenant: await tenantDetail(ctx.params.id),
    })
  }
}
