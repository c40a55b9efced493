import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { updatePackageValidator } from '../validators/packages.js'
import { updatePackage } from '../services/package_changes.js'
import { submitPanelForm } from './panel_page.js'

/** The package editor, changing an existing package. */
export default class UpdatePackagePage {
  async handle(ctx: HttpContext) {
    const change = await ctx.request.validateUsing(updatePackageValidator)
    const acting = await actingFrom(ctx)
    if (await submitPanelForm(ctx, () => updatePackage(acting, String(ctx.params.id), change))) {
      ctx.response.redirect('/packages')
    }
  }
}
