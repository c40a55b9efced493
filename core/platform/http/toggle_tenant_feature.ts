import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { toggleValidator } from '../validators.js'
import { toggleFeature } from '../tenant_features.js'
import { tenantDetail } from '../tenant_detail.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class ToggleTenantFeature {
  static docs: EndpointDocs = {
    summary:
      'Advanced mode: switch one feature of a tenant on or off; a feature that is a plugin switches the plugin too',
    tags: ['platform'],
    body: toggleValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ features, changed: { enabled, disabled }, tenant }',
      404: 'No such tenant',
      409: 'The plugin is still needed by another enabled plugin; nothing changed',
      422: 'Unknown feature',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const { enabled } = await ctx.request.validateUsing(toggleValidator)
    const result = await toggleFeature(ctx.params.id, ctx.params.feature, enabled, by)
    return ctx.response.ok({
      features: result.features,
      changed: result.plugins,
      tenant: await tenantDetail(ctx.params.id),
    })
  }
}
