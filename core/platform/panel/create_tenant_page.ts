import type { HttpContext } from '@adonisjs/core/http'
import { createTenantValidator } from '../validators.js'
import { onboardTenant } from '../tenant_onboarding.js'
import { superAdminOf } from '../super_admin.js'
import { flashInvalid, submitAdminForm } from './panel_form.js'

/** "New tenant" with its owner: on success, the new tenant's page. */
export default class CreateTenantPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const [error, input] = await ctx.request.tryValidateUsing(createTenantValidator)
    if (error) return flashInvalid(ctx, error.messages)
    await submitAdminForm(ctx, () => onboardTenant(input, by), {
      redirectTo: (tenant: { id: string }) => `/admin/tenants/${tenant.id}`,
    })
  }
}
