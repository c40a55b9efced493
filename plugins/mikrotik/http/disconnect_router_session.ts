import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { disconnectSessionValidator } from '../validators.js'
import { requestDisconnect } from '../actions/disconnect_session.js'

export default class DisconnectRouterSession {
  static docs: EndpointDocs = {
    summary: 'Disconnect an online customer (removes the hotspot or PPPoE active session)',
    description:
      'type=hotspot|pppoe says which list the session id belongs to. When the router cannot be reached, the disconnect is queued and retried: 202 with { queued: true, code, message }.',
    tags: ['mikrotik'],
    query: disconnectSessionValidator,
    responses: {
      200: '{ disconnected: true, session }',
      202: '{ queued: true, jobId, code: ROUTER_UNREACHABLE|ROUTER_TIMEOUT, message }',
      404: 'ROUTER_NOT_FOUND or SESSION_NOT_FOUND',
      502: 'ROUTER_AUTH_FAILED or another router failure a retry would not fix',
    },
  }

  async handle(ctx: HttpContext) {
    const { type } = await ctx.request.validateUsing(disconnectSessionValidator)
    const answer = await requestDisconnect(ctx, ctx.params.id, type, String(ctx.params.session_id))
    return 'queued' in answer ? ctx.response.accepted(answer) : ctx.response.ok(answer)
  }
}
