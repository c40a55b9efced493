import type { HttpContext } from '@adonisjs/core/http'
import { deleteNas } from '../../models/nas_queries.js'
import { actingOf } from './panel_support.js'

export default class DeleteNasPage {
  async handle(ctx: HttpContext) {
    await deleteNas(await ctx.tenantDb(), actingOf(ctx), String(ctx.params.id))
    ctx.response.redirect('/radius/settings')
  }
}
