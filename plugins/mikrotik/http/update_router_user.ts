import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { updateAccountValidator } from '../validators.js'
import { changeAccount } from '../actions/account_changes.js'

export default class UpdateRouterUser {
  static docs: EndpointDocs = {
    summary:
      'Change a hotspot user or PPP secret on the router: name, password, profile, comment, disabled',
    description: 'user_id is the RouterOS id (e.g. *1A) from the users list; type says which list.',
    tags: ['mikrotik'],
    body: updateAccountValidator,
    responses: {
      200: 'The account as the router now shows it',
      404: 'ROUTER_NOT_FOUND or ACCOUNT_NOT_FOUND',
      422: 'Invalid fields, a profile the router lacks, or a name the router already has',
      502: 'ROUTER_UNREACHABLE, ROUTER_AUTH_FAILED or another router failure',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateAccountValidator)
    return ctx.response.ok(
      await changeAccount(ctx, ctx.params.id, String(ctx.params.user_id), input)
    )
  }
}
