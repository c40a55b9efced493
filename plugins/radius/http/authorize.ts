import type { HttpContext } from '@adonisjs/core/http'
import { withTenant } from '#core/tenancy/tenant_db'
import { authorizeLogin } from '../services/authorize_login.js'
import { readAttributes, reject, replyBody, text } from '../services/rlm_rest.js'

/**
 * rlm_rest `authorize`: 200 with the cleartext password for FreeRADIUS to
 * check (PAP, CHAP and MS-CHAP all work from it) and the reply attributes,
 * or 401 with the reason as Reply-Message, which reaches the Access-Reject.
 */
export default class Authorize {
  async handle({ request, response, logger }: HttpContext) {
    const attributes = readAttributes(request.body())
    const decision = await authorizeLogin(attributes)
    if (decision.accept) {
      return response.ok({
        'control:Cleartext-Password': decision.account.password,
        ...replyBody(decision.reply),
      })
    }
    const username = text(attributes, 'User-Name') ?? ''
    logger.info(
      { username, nas: text(attributes, 'NAS-IP-Address'), code: decision.code },
      'RADIUS login refused'
    )
    if (decision.tenantId) {
      await withTenant(decision.tenantId, (trx) =>
        trx.table('radius_auth_log').insert({
          tenant_id: decision.tenantId,
          username: username.slice(0, 128),
          result: 'reject',
          reason: decision.code,
          nas_ip: text(attributes, 'NAS-IP-Address') ?? null,
          mac_address: text(attributes, 'Calling-Station-Id')?.slice(0, 64) ?? null,
        })
      )
    }
    return response.unauthorized(reject(decision.code))
  }
}
