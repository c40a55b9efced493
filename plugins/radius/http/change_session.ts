import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { sessionControl } from '../services/session_control.js'
import { changeSessionValidator } from './validators.js'
import { answerSessionControl } from './session_control_answer.js'

/**
 * New attributes on a live session (RADIUS CoA-Request, RFC 5176), e.g. a
 * new `Mikrotik-Rate-Limit` after a package change. A NAS that refuses the
 * change but answers gets a Disconnect-Request instead, so the next login
 * carries the new attributes.
 */
export default class ChangeSession {
  static docs: EndpointDocs = {
    summary: 'Change a live RADIUS session by CoA (rate limit, address list, timeouts)',
    description:
      'Attributes by dictionary name: Mikrotik-Rate-Limit, Mikrotik-Address-List, Mikrotik-Group, Mikrotik-Total-Limit(-Gigawords), Mikrotik-Recv-Limit, Mikrotik-Xmit-Limit, Session-Timeout, Idle-Timeout, Acct-Interim-Interval, Filter-Id, Framed-Pool.',
    tags: ['radius'],
    body: changeSessionValidator,
    responses: {
      200: 'The NAS confirmed (or ended the session after refusing the change)',
      404: 'No such open session',
      422: 'An attribute that cannot be changed, or an invalid value',
      502: 'The NAS refused or did not answer',
    },
  }

  async handle({ params, tenant, actor, request, response }: HttpContext) {
    const { attributes } = await request.validateUsing(changeSessionValidator)
    const result = await sessionControl.changeSessionAttributes({
      tenantId: tenant!.id,
      sessionId: String(params.id),
      actor: `user:${actor!.userId}`,
      attributes,
    })
    return response.ok(answerSessionControl(result))
  }
}
