import type { HttpContext } from '@adonisjs/core/http'
import { cancelAddon } from '../../tenancy/limits/addon_service.js'
import { tenantRecord } from '../tenant_record.js'
import { superAdminOf } from '../super_admin.js'
import { submitAdminForm } from './panel_form.js'

/** Cancels one of the tenant's addons; it stops counting towards its limits at once. */
export default class CancelAddonPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    await submitAdminForm(ctx, async () => {
      const tenant = await tenantRecord(ctx.params.id)
      return cancelAddon(ctx.params.addonId, by, { tenantId: tenant.id })
    })
  }
}
