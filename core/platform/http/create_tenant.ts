import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { createTenantValidator } from '../validators.js'
import { onboardTenant } from '../tenant_onboarding.js'
import { tenantDetail } from '../tenant_detail.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class CreateTenant {
  static docs: EndpointDocs = {
    summary:
      "Create a tenant with its owner account; applies the plan's feature group and enables its plugins",
    tags: ['platform'],
    body: createTenantValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      201: 'The new tenant',
      422: 'A field is invalid, or the slug, domain or owner email is taken',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await ctx.request.validateUsing(createTenantValidator)
    const tenant = await onboardTenant(input, by)
    return ctx.response.created(await tenantDetail(tenant.id))
  }
}
