import type { HttpRequest } from '@adonisjs/core/http'
import { verifyCredentials } from '../identity/accounts.js'
import { recordAudit } from '../audit/audit_log.js'
import { ApiError } from '../http/api_error.js'
import { platformDb } from '../tenancy/tenant_db.js'
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login_throttle.js'

/**
 * Checks a password sign-in for the panel and the API alike: throttled,
 * audited either way, and silent about whether the email exists.
 */
export async function attemptLogin(email: string, password: string, request: HttpRequest) {
  const ip = request.ip()
  const userAgent = request.header('user-agent') ?? undefined
  await assertLoginAllowed(email, ip)
  const user = await verifyCredentials(email, password)
  if (!user) {
    await recordLoginFailure(email, ip)
    await recordAudit({
      tenantId: null,
      actor: 'anonymous',
      action: 'auth.login_failed',
      after: { email: email.toLowerCase() },
      ip,
      userAgent,
      requestId: request.id(),
    })
    throw new ApiError(401, 'INVALID_CREDENTIALS', 'The email or password is incorrect.')
  }
  await clearLoginFailures(email)
  await platformDb().from('users').where('id', user.id).update({ last_login_at: new Date() })
  await recordAudit({
    tenantId: user.tenant_id,
    actor: `user:${user.id}`,
    action: 'auth.login',
    subjectType: 'user',
    subjectId: user.id,
    ip,
    userAgent,
    requestId: request.id(),
  })
  return user as { id: string; tenant_id: string | null; is_super_admin: boolean }
}
