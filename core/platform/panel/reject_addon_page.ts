import type { HttpContext } from '@adonisjs/core/http'
import { rejectAddon } from '../../tenancy/limits/addon_service.js'
import { rejectAddonValidator } from '../validators.js'
import { tenantRecord } from '../tenant_record.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'

/** Turns down one of the tenant's pending addons, with an optional reason for the audit log. */
export default class RejectAddonPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, rejectAddonValidator)
    if (!input) return
    await submitAdminForm(ctx, async () => {
      const tenant = await tenantRecord(ctx.params.id)
      return rejectAddon(ctx.params.addonId, by, { tenantId: tenant.id }, input.reason)
    })
  }
}
