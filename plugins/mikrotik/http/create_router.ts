import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { createRouterValidator } from '../validators.js'
import { presentRouter } from '../models/router_presenter.js'
import { addRouter } from '../actions/router_changes.js'

export default class CreateRouter {
  static docs: EndpointDocs = {
    summary: 'Add a MikroTik router (port defaults to 8728, or 8729 with tls)',
    description:
      'The API password is stored encrypted and never returned. Counts against the plan limit max_router.',
    tags: ['mikrotik'],
    body: createRouterValidator,
    responses: {
      201: 'The new router',
      403: 'LIMIT_REACHED: the plan allows no more routers',
      422: 'Invalid fields, or the name is taken',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createRouterValidator)
    return ctx.response.created(presentRouter(await addRouter(ctx, input)))
  }
}
