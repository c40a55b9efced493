import type { HttpContext } from '@adonisjs/core/http'
import { createRouterValidator } from '../../validators.js'
import { addRouter } from '../../actions/router_changes.js'
import { flashNotice, submitPanelForm } from './panel_support.js'

/** The "add router" form: on to the new router's page, where its first test can be run. */
export default class CreateRouterPage {
  async handle(ctx: HttpContext) {
    let routerId = ''
    const done = await submitPanelForm(ctx, async () => {
      const input = await ctx.request.validateUsing(createRouterValidator)
      routerId = (await addRouter(ctx, input)).id
    })
    if (done) {
      flashNotice(ctx, { kind: 'success', key: 'routerAdded' })
      ctx.response.redirect(`/mikrotik/routers/${routerId}`)
    }
  }
}
