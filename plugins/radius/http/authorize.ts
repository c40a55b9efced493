import type { HttpContext } from '@adonisjs/core/http'
import { authorizeLogin } from '../services/authorize_login.js'
import { logLogin } from '../services/login_log.js'
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
      logLogin({
        tenantId: decision.tenantId,
        username,
        result: 'reject',
        reason: decision.code,
        nasIp: text(attributes, 'NAS-IP-Address') ?? null,
        macAddress: text(attributes, 'Calling-Station-Id') ?? null,
      })
    }
    return response.unauthorized(reject(decision.code))
  }
}
