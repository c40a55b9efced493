import type { HttpContext } from '@adonisjs/core/http'
import { updateRouterValidator } from '../../validators.js'
import { changeRouter } from '../../actions/router_changes.js'
import { flashNotice, submitPanelForm } from './panel_support.js'

/** The settings tab's form; a blank password field keeps the stored password. */
export default class UpdateRouterPage {
  async handle(ctx: HttpContext) {
    const done = await submitPanelForm(ctx, async () => {
      const input = await ctx.request.validateUsing(updateRouterValidator)
      await changeRouter(ctx, ctx.params.id, input)
    })
    if (done) {
      flashNotice(ctx, { kind: 'success', key: 'routerSaved' })
      ctx.response.redirect(`/mikrotik/routers/${ctx.params.id}?tab=settings`)
    }
  }
}
