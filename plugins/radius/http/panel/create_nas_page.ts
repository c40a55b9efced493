import type { HttpContext } from '@adonisjs/core/http'
import { nasValidator } from '../validators.js'
import { createNas } from '../../models/nas_queries.js'
import { actingOf } from './panel_support.js'
import { inPanelLanguage } from './refusals.js'

/** "Add NAS" on the settings page; refused fields go back under their inputs. */
export default class CreateNasPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(nasValidator)
    const trx = await ctx.tenantDb()
    await inPanelLanguage(ctx, () => createNas(trx, actingOf(ctx), input))
    ctx.response.redirect('/radius/settings')
  }
}
