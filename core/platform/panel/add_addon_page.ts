import type { HttpContext } from '@adonisjs/core/http'
import { addAddonValidator } from '../validators.js'
import { addAddon } from '../../tenancy/limits/addon_service.js'
import { tenantRecord } from '../tenant_record.js'
import { superAdminOf } from '../super_admin.js'
import { panelInput, submitAdminForm } from './panel_form.js'

/** Gives the tenant units of a limit addon, active at once. */
export default class AddAddonPage {
  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const input = await panelInput(ctx, addAddonValidator)
    if (!input) return
    const { code, quantity, billable } = input
    await submitAdminForm(ctx, async () => {
      const tenant = await tenantRecord(ctx.params.id)
      return addAddon(tenant.id, code, quantity, by, { billable })
    })
  }
}
