import type { HttpContext } from '@adonisjs/core/http'
import { updateNasValidator } from '../validators.js'
import { updateNas } from '../../models/nas_queries.js'
import { actingOf } from './panel_support.js'
import { inPanelLanguage } from './refusals.js'

/** The NAS editor; a blank secret keeps the one on record. */
export default class UpdateNasPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateNasValidator)
    const trx = await ctx.tenantDb()
    await inPanelLanguage(ctx, () => updateNas(trx, actingOf(ctx), String(ctx.params.id), input))
    ctx.response.redirect('/radius/settings')
  }
}
