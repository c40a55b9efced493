import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { addAddonValidator } from '../validators.js'
import { addAddon } from '../../tenancy/limits/addon_service.js'
import { tenantRecord } from '../tenant_record.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class AddTenantAddon {
  static docs: EndpointDocs = {
    summary:
      'Give a tenant units of a limit addon (active at once; billable unless told otherwise)',
    tags: ['platform'],
    body: addAddonValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      201: 'The addon',
      404: 'No such tenant',
      422: 'Unknown or retired addon',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const tenant = await tenantRecord(ctx.params.id)
    const { code, quantity, billable } = await ctx.request.validateUsing(addAddonValidator)
    return ctx.response.created(await addAddon(tenant.id, code, quantity, by, { billable }))
  }
}
