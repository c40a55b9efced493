import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { sessionControl } from '../services/session_control.js'
import { answerSessionControl } from './session_control_answer.js'

/**
 * Ends a subscriber's session from the platform: a RADIUS Disconnect-Request
 * to the NAS (UDP 3799). The session row is closed when the NAS sends its Stop.
 */
export default class DisconnectSession {
  static docs: EndpointDocs = {
    summary: 'Disconnect a RADIUS session through the NAS (Disconnect-Request on UDP 3799)',
    tags: ['radius'],
    responses: {
      200: 'The NAS confirmed',
      404: 'No such open session',
      502: 'The NAS refused or did not answer (code NAS_REFUSED, NAS_NO_ANSWER or NAS_NO_COA)',
    },
  }

  async handle({ params, tenant, actor, response }: HttpContext) {
    const result = await sessionControl.disconnectSession({
      tenantId: tenant!.id,
      sessionId: String(params.id),
      actor: `user:${actor!.userId}`,
    })
    return response.ok({ disconnected: true, ...answerSessionControl(result) })
  }
}
