import type { HttpContext } from '@adonisjs/core/http'
import encryption from '@adonisjs/core/services/encryption'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { recordAudit } from '#core/audit/audit_log'
import { sendDisconnect } from '../services/coa_client.js'

/**
 * Ends a subscriber's session from the platform (isolir without waiting for
 * them to reconnect): a RADIUS Disconnect-Request to the NAS. The session row
 * is closed when the NAS sends its Stop.
 */
export default class DisconnectSession {
  static docs: EndpointDocs = {
    summary: 'Disconnect a RADIUS session through the NAS (Disconnect-Request on UDP 3799)',
    tags: ['radius'],
    responses: { 200: 'The NAS confirmed', 502: 'The NAS refused or did not answer' },
  }

  async handle({ params, tenant, actor, tenantDb, response }: HttpContext) {
    if (!/^\d{1,18}$/.test(params.id)) throw ApiError.notFound('Session')
    const trx = await tenantDb()
    const session = await trx
      .from('radius_sessions as s')
      .join('radius_nas as n', 'n.id', 's.nas_id')
      .where('s.id', params.id)
      .whereNull('s.stopped_at')
      .select(
        's.id',
        's.username',
        's.acct_session_id',
        's.framed_ip',
        'n.ip_address',
        'n.coa_port',
        'n.secret_encrypted'
      )
      .first()
    if (!session) throw ApiError.notFound('Open session')
    if (!session.secret_encrypted) {
      throw new ApiError(
        409,
        'NAS_SECRET_MISSING',
        'This NAS has no RADIUS secret on record; add it to send disconnects.'
      )
    }
    const attributes: [string, string][] = [
      ['User-Name', session.username],
      ['Acct-Session-Id', session.acct_session_id],
    ]
    if (session.framed_ip) attributes.push(['Framed-IP-Address', session.framed_ip])
    const result = await sendDisconnect({
      host: session.ip_address,
      port: session.coa_port,
      secret: encryption.decrypt<string>(session.secret_encrypted)!,
      attributes,
    })
    await recordAudit(
      {
        tenantId: tenant!.id,
        actor: `user:${actor!.userId}`,
        action: 'radius.session_disconnect',
        subjectType: 'radius_session',
        subjectId: String(session.id),
        after: { username: session.username, outcome: result.outcome },
      },
      trx
    )
    if (result.outcome === 'acked') return response.ok({ disconnected: true })
    throw new ApiError(
      502,
      result.outcome === 'refused' ? 'NAS_REFUSED' : 'NAS_NO_ANSWER',
      result.outcome === 'refused'
        ? `The NAS refused the disconnect${result.errorCause ? ` (${result.errorCause})` : ''}.`
        : 'The NAS did not answer. Check "/radius incoming accept=yes" on the router and that UDP 3799 is reachable.'
    )
  }
}
