import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { updateRouterValidator } from '../validators.js'
import { presentRouter } from '../models/router_presenter.js'
import { changeRouter } from '../actions/router_changes.js'

export default class UpdateRouter {
  static docs: EndpointDocs = {
    summary: 'Change a router; the API password is replaced only when apiPassword is sent',
    tags: ['mikrotik'],
    body: updateRouterValidator,
    responses: {
      200: 'The router',
      404: 'ROUTER_NOT_FOUND',
      422: 'Invalid fields, nothing to change, or the name is taken',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateRouterValidator)
    return ctx.response.ok(presentRouter(await changeRouter(ctx, ctx.params.id, input)))
  }
}
