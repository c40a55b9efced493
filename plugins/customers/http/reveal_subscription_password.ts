import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { revealPassword } from '../services/subscription_changes.js'

export default class RevealSubscriptionPassword {
  static docs: EndpointDocs = {
    summary:
      'Show the password of an account, e.g. to read it to the customer; every reveal is written to the audit log',
    tags: ['subscriptions'],
    responses: {
      200: '`{ id, username, password }`',
      404: 'SUBSCRIPTION_NOT_FOUND',
      409: 'SUBSCRIPTION_PASSWORD_UNREADABLE: the app key changed; set a new password',
    },
  }

  async handle(ctx: HttpContext) {
    ctx.response.header('cache-control', 'no-store')
    return ctx.response.ok(await revealPassword(await actingFrom(ctx), ctx.params.id))
  }
}
