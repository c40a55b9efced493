import type { HttpContext } from '@adonisjs/core/http'
import { createRouterValidator } from '../../validators.js'
import { addRouter } from '../../actions/router_changes.js'
import { type RouterRow } from '../../models/router_presenter.js'
import { flashNotice, submitPanelForm } from './panel_support.js'

/** The "add router" form: on to the new router's page, where its first test can be run. */
export default class CreateRouterPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createRouterValidator)
    let row: RouterRow | undefined
    if (await submitPanelForm(ctx, async () => (row = await addRouter(ctx, input)))) {
      flashNotice(ctx, { kind: 'success', key: 'routerAdded' })
      ctx.response.redirect(`/mikrotik/routers/${row!.id}`)
    }
  }
}
