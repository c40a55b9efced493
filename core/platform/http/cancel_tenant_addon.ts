import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { cancelAddon } from '../../tenancy/limits/addon_service.js'
import { tenantRecord } from '../tenant_record.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class CancelTenantAddon {
  static docs: EndpointDocs = {
    summary: "Cancel a tenant's addon; it stops counting towards the tenant's limits at once",
    tags: ['platform'],
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The cancelled addon',
      404: 'No such tenant, or no such addon of it',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const tenant = await tenantRecord(ctx.params.id)
    return ctx.response.ok(await cancelAddon(ctx.params.addonId, by, { tenantId: tenant.id }))
  }
}
