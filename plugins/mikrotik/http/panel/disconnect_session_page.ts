import type { HttpContext } from '@adonisjs/core/http'
import { disconnectSessionValidator } from '../../validators.js'
import { requestDisconnect, type DisconnectAnswer } from '../../actions/disconnect_session.js'
import { backToPage, flashNotice, submitPanelForm } from './panel_support.js'

/** "Disconnect" on the online list; a router that cannot be reached gets it queued. */
export default class DisconnectSessionPage {
  async handle(ctx: HttpContext) {
    let answer: DisconnectAnswer | undefined
    const done = await submitPanelForm(ctx, async () => {
      const { type } = await ctx.request.validateUsing(disconnectSessionValidator)
      answer = await requestDisconnect(ctx, ctx.params.id, type, String(ctx.params.session_id))
    })
    if (!done || !answer) return
    flashNotice(
      ctx,
      'queued' in answer
        ? { kind: 'warning', key: 'disconnectQueued', detail: answer.message }
        : { kind: 'success', key: 'disconnected', detail: answer.session.user }
    )
    backToPage(ctx)
  }
}
