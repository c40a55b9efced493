import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { deleteSubscription } from '../services/subscription_changes.js'

export default class DeleteSubscription {
  static docs: EndpointDocs = {
    summary:
      'Delete an account: it stops logging in at once and no longer counts toward max_user (to keep it on record, PATCH status terminated instead)',
    tags: ['subscriptions'],
    responses: { 204: 'Deleted', 404: 'SUBSCRIPTION_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    await deleteSubscription(await actingFrom(ctx), ctx.params.id)
    return ctx.response.noContent()
  }
}
