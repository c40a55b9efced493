import type { HttpContext } from '@adonisjs/core/http'
import { confirmAcceptedLogin } from '../contracts.js'
import { findNas } from '../services/nas_directory.js'
import { logLogin } from '../services/login_log.js'
import { readAttributes, reject, text } from '../services/rlm_rest.js'

/**
 * rlm_rest `post-auth`: the login log. Accepts are logged here; refusals by
 * the platform were logged by authorize with their reason, so a reject seen
 * here is logged only when FreeRADIUS itself refused (a wrong password).
 * The log line is buffered and written with others a moment later (see
 * login_log.ts), so the answer does not wait for the database.
 */
export default class PostAuth {
  async handle({ request, response }: HttpContext) {
    const attributes = readAttributes(request.body())
    const nas = await findNas(text(attributes, 'NAS-IP-Address'))
    if (!nas) return response.noContent()
    const rejected = request.header('x-radius-result') === 'reject'
    const failure = text(attributes, 'Module-Failure-Message')
    if (rejected && !failure) return response.noContent()
    const username = text(attributes, 'User-Name') ?? ''
    const client = {
      macAddress: text(attributes, 'Calling-Station-Id'),
      nasIp: text(attributes, 'NAS-IP-Address'),
    }
    // Listeners (voucher activation) may still refuse; FreeRADIUS then sends a reject.
    const refusal = rejected
      ? null
      : await confirmAcceptedLogin({ tenantId: nas.tenantId, username, client })
    logLogin({
      tenantId: nas.tenantId,
      username,
      result: rejected || refusal ? 'reject' : 'accept',
      reason: refusal ? refusal.code : rejected ? `WRONG_PASSWORD: ${failure}` : null,
      nasIp: client.nasIp ?? null,
      macAddress: client.macAddress ?? null,
    })
    if (refusal) return response.unauthorized(reject(refusal.code))
    return response.noContent()
  }
}
