import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import kernel from '../../services/kernel.js'
import { toggleValidator } from '../validators.js'
import { tenantRecord } from '../tenant_record.js'
import { tenantDetail } from '../tenant_detail.js'
import { superAdminOf } from '../super_admin.js'

export default class ToggleTenantPlugin {
  static docs: EndpointDocs = {
    summary:
      'Enable a plugin for a tenant (with the plugins it requires) or disable it (refused while another enabled plugin needs it)',
    tags: ['platform'],
    body: toggleValidator,
    responses: {
      200: '{ changed: { enabled, disabled }, tenant }',
      404: 'No such tenant, or PLUGIN_NOT_INSTALLED',
      409: 'PLUGIN_REQUIRED: another enabled plugin needs it',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const tenant = await tenantRecord(ctx.params.id)
    const { enabled } = await ctx.request.validateUsing(toggleValidator)
    const pluginId = ctx.params.pluginId
    const changed = { enabled: [] as string[], disabled: [] as string[] }
    if (enabled) {
      changed.enabled = await kernel.enablement.enable(tenant.id, pluginId, by, 'admin')
    } else {
      const wasEnabled = kernel.plugins.has(pluginId)
        ? await kernel.enablement.isEnabled(tenant.id, pluginId)
        : false
      await kernel.enablement.disable(tenant.id, pluginId, by)
      if (wasEnabled) changed.disabled = [pluginId]
    }
    return ctx.response.ok({ changed, tenant: await tenantDetail(tenant.id) })
  }
}
