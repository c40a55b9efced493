import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { toggleValidator } from '../validators.js'
import { tenantRecord } from '../tenant_record.js'
import { setTenantPlugin } from '../tenant_plugins.js'
import { tenantDetail } from '../tenant_detail.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class ToggleTenantPlugin {
  static docs: EndpointDocs = {
    summary:
      'Enable a plugin for a tenant (with the plugins it requires) or disable it (refused while another enabled plugin needs it)',
    tags: ['platform'],
    body: toggleValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ changed: { enabled, disabled }, tenant }',
      404: 'No such tenant, or PLUGIN_NOT_INSTALLED',
      409: 'PLUGIN_REQUIRED: another enabled plugin needs it',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const tenant = await tenantRecord(ctx.params.id)
    const { enabled } = await ctx.request.validateUsing(toggleValidator)
    const changed = await setTenantPlugin(tenant.id, ctx.params.pluginId, enabled, by)
    return ctx.response.ok({ changed, tenant: await tenantDetail(tenant.id) })
  }
}
