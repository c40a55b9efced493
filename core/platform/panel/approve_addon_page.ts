import type { HttpContext } from '@adonisjs/core/http'
import { activateAddon } from '../../tenancy/limits/addon_service.js'
import { tenantRecord } from '../tenant_record.js'
import { superAdminOf } from '../super_admin.js'
import { submitAdminForm } from './panel_form.js'

/** Approves one of the tenant's pending addons; it counts towards its limits at once. */
export default class ApproveAddonPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    await submitAdminForm(ctx, async () => {
      const tenant = await tenantRecord(ctx.params.id)
      return activateAddon(ctx.params.addonId, by, { tenantId: tenant.id })
    })
  }
}
