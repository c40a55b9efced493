import type { HttpContext } from '@adonisjs/core/http'
import { disconnectSessionValidator } from '../../validators.js'
import { requestDisconnect } from '../../actions/disconnect_session.js'
import { flashNotice } from './panel_support.js'

/** "Disconnect" on the online list; a router that cannot be reached gets it queued. */
export default class DisconnectSessionPage {
  async handle(ctx: HttpContext) {
    const { type } = await ctx.request.validateUsing(disconnectSessionValidator)
    const answer = await requestDisconnect(ctx, ctx.params.id, type, String(ctx.params.session_id))
    flashNotice(
      ctx,
      'queued' in answer
        ? { kind: 'warning', key: 'disconnectQueued', detail: answer.message }
        : { kind: 'success', key: 'disconnected', detail: answer.session.user }
    )
    ctx.response.redirect().back()
  }
}
