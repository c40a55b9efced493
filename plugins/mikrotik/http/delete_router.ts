import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { removeRouter } from '../actions/router_changes.js'

export default class DeleteRouter {
  static docs: EndpointDocs = {
    summary: 'Remove a router from the platform (the router itself is not touched)',
    description: 'Needs router.delete, which the technician role does not have by default.',
    tags: ['mikrotik'],
    responses: { 204: 'Removed, with its sync history', 404: 'ROUTER_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    await removeRouter(ctx, ctx.params.id)
    return ctx.response.noContent()
  }
}
