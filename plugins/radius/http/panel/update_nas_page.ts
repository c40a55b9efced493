import type { HttpContext } from '@adonisjs/core/http'
import { updateNasValidator } from '../validators.js'
import { updateNas } from '../../models/nas_queries.js'
import { actingOf } from './panel_support.js'

/** The NAS editor; a blank secret keeps the one on record. */
export default class UpdateNasPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateNasValidator)
    await updateNas(await ctx.tenantDb(), actingOf(ctx), String(ctx.params.id), input)
    ctx.response.redirect('/radius/settings')
  }
}
