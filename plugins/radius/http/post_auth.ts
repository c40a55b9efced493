import type { HttpContext } from '@adonisjs/core/http'
import { withTenant } from '#core/tenancy/tenant_db'
import { confirmAcceptedLogin } from '../contracts.js'
import { findNas } from '../services/nas_directory.js'
import { readAttributes, reject, text } from '../services/rlm_rest.js'

/**
 * rlm_rest `post-auth`: the login log. Accepts are logged here; refusals by
 * the platform were logged by authorize with their reason, so a reject seen
 * here is logged only when FreeRADIUS itself refused (a wrong password).
 */
export default class PostAuth {
  async handle({ request, response }: HttpContext) {
    const attributes = readAttributes(request.body())
    const nas = await findNas(text(attributes, 'NAS-IP-Address'))
    if (!nas) return response.noContent()
    const rejected = request.header('x-radius-result') === 'reject'
    const failure = text(attributes, 'Module-Failure-Message')
    if (rejected && !failure) return response.noContent()
    // Listeners (voucher activation) may still refuse; FreeRADIUS then sends a reject.
    const refusal = rejected
      ? null
      : await confirmAcceptedLogin({
          tenantId: nas.tenantId,
          username: text(attributes, 'User-Name') ?? '',
          client: {
            macAddress: text(attributes, 'Calling-Station-Id'),
            nasIp: text(attributes, 'NAS-IP-Address'),
          },
        })
    await withTenant(nas.tenantId, (trx) =>
      trx.table('radius_auth_log').insert({
        tenant_id: nas.tenantId,
        username: (text(attributes, 'User-Name') ?? '').slice(0, 128),
        result: rejected || refusal ? 'reject' : 'accept',
        reason: refusal
          ? refusal.code
          : rejected
            ? `WRONG_PASSWORD: ${failure}`.slice(0, 200)
            : null,
        nas_ip: text(attributes, 'NAS-IP-Address') ?? null,
        mac_address: text(attributes, 'Calling-Station-Id')?.slice(0, 64) ?? null,
      })
    )
    if (refusal) return response.unauthorized(reject(refusal.code))
    return response.noContent()
  }
}
