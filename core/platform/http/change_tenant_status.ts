import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { changeStatusValidator } from '../validators.js'
import { changeTenantStatus } from '../tenant_status.js'
import { tenantDetail } from '../tenant_detail.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class ChangeTenantStatus {
  static docs: EndpointDocs = {
    summary:
      'Activate, deactivate (no access at all) or panel-isolate (billing only) a tenant; applies on its next request',
    tags: ['platform'],
    body: changeStatusValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The tenant',
      404: 'No such tenant',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const { status, reason } = await ctx.request.validateUsing(changeStatusValidator)
    await changeTenantStatus(ctx.params.id, status, by, reason)
    return ctx.response.ok(await tenantDetail(ctx.params.id))
  }
}
