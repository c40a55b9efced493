import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { applyFeatureGroupValidator } from '../validators.js'
import { applyFeatureGroup } from '../tenant_features.js'
import { tenantDetail } from '../tenant_detail.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class ApplyFeatureGroup {
  static docs: EndpointDocs = {
    summary:
      "Simple mode: give a tenant exactly a feature group's features (basic, pro, business) and sync its plugins",
    tags: ['platform'],
    body: applyFeatureGroupValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ features, changed: { enabled, disabled }, tenant }',
      404: 'No such tenant',
      409: 'A plugin the group drops is still needed by another enabled plugin; nothing changed',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const { group } = await ctx.request.validateUsing(applyFeatureGroupValidator)
    const result = await applyFeatureGroup(ctx.params.id, group, by)
    return ctx.response.ok({
      features: result.features,
      changed: result.plugins,
      tenant: await tenantDetail(ctx.params.id),
    })
  }
}
