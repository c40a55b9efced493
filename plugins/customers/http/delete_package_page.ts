import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { deletePackage } from '../services/package_changes.js'
import { findPackageOrFail } from '../services/package_queries.js'
import { submitPanelForm } from './panel_page.js'

/** "Delete package" in the editor; a package in use comes back with how many accounts use it. */
export default class DeletePackagePage {
  async handle(ctx: HttpContext) {
    await findPackageOrFail(await ctx.tenantDb(), ctx.params.id)
    const acting = await actingFrom(ctx)
    if (await submitPanelForm(ctx, () => deletePackage(acting, ctx.params.id))) {
      ctx.response.redirect('/packages')
    }
  }
}
