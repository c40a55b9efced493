import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { rejectAddonValidator } from '../validators.js'
import { rejectAddon } from '../../tenancy/limits/addon_service.js'
import { tenantRecord } from '../tenant_record.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class RejectTenantAddon {
  static docs: EndpointDocs = {
    summary:
      "Reject a tenant's pending addon: it is cancelled without ever counting; the reason is kept in the audit log",
    tags: ['platform'],
    body: rejectAddonValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The rejected (cancelled) addon',
      404: 'No such tenant, or no such addon of it',
      409: 'ADDON_NOT_PENDING: the addon is already active; cancel it instead',
      422: 'The reason is too long',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const tenant = await tenantRecord(ctx.params.id)
    const { reason } = await ctx.request.validateUsing(rejectAddonValidator)
    return ctx.response.ok(
      await rejectAddon(ctx.params.addonId, by, { tenantId: tenant.id }, reason)
    )
  }
}
