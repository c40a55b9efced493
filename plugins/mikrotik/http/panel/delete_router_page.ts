import type { HttpContext } from '@adonisjs/core/http'
import { removeRouter } from '../../actions/router_changes.js'
import { flashNotice } from './panel_support.js'

export default class DeleteRouterPage {
  async handle(ctx: HttpContext) {
    const router = await removeRouter(ctx, ctx.params.id)
    flashNotice(ctx, { kind: 'success', key: 'routerDeleted', detail: router.name })
    ctx.response.redirect('/mikrotik/routers')
  }
}
