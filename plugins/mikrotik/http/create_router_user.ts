import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { createAccountValidator } from '../validators.js'
import { createAccount } from '../actions/account_changes.js'

export default class CreateRouterUser {
  static docs: EndpointDocs = {
    summary: 'Add a hotspot user (type=hotspot) or PPP secret (type=pppoe) on the router',
    description: 'The profile must exist on the router. The password is sent to the router only.',
    tags: ['mikrotik'],
    body: createAccountValidator,
    responses: {
      201: 'The account as the router shows it, without its password',
      404: 'ROUTER_NOT_FOUND',
      422: 'Invalid fields, a profile the router lacks, or a name the router already has',
      502: 'ROUTER_UNREACHABLE, ROUTER_AUTH_FAILED or another router failure',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createAccountValidator)
    return ctx.response.created(await createAccount(ctx, ctx.params.id, input))
  }
}
