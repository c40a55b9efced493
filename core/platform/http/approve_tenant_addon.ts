import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { activateAddon } from '../../tenancy/limits/addon_service.js'
import { tenantRecord } from '../tenant_record.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class ApproveTenantAddon {
  static docs: EndpointDocs = {
    summary:
      "Approve a tenant's pending addon; it counts towards the tenant's limits at once (approving an active one changes nothing)",
    tags: ['platform'],
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The approved addon',
      404: 'No such tenant, or no such addon of it',
      409: 'ADDON_CANCELLED: the addon was cancelled or rejected',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const tenant = await tenantRecord(ctx.params.id)
    return ctx.response.ok(await activateAddon(ctx.params.addonId, by, { tenantId: tenant.id }))
  }
}
