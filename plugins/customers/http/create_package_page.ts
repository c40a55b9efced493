import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { createPackageValidator } from '../validators/packages.js'
import { createPackage } from '../services/package_changes.js'
import { submitPanelForm } from './panel_page.js'

/** The package editor, adding. */
export default class CreatePackagePage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createPackageValidator)
    const acting = await actingFrom(ctx)
    if (await submitPanelForm(ctx, () => createPackage(acting, input))) {
      ctx.response.redirect('/packages')
    }
  }
}
