import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { accountTypeValidator } from '../validators.js'
import { deleteAccount } from '../actions/account_changes.js'

export default class DeleteRouterUser {
  static docs: EndpointDocs = {
    summary: 'Remove a hotspot user or PPP secret from the router (type=hotspot|pppoe)',
    tags: ['mikrotik'],
    query: accountTypeValidator,
    responses: {
      204: 'Removed',
      404: 'ROUTER_NOT_FOUND or ACCOUNT_NOT_FOUND',
      502: 'ROUTER_UNREACHABLE, ROUTER_AUTH_FAILED or another router failure',
    },
  }

  async handle(ctx: HttpContext) {
    const { type } = await ctx.request.validateUsing(accountTypeValidator)
    await deleteAccount(ctx, ctx.params.id, String(ctx.params.user_id), type)
    return ctx.response.noContent()
  }
}
