import { ApiError } from '../http/api_error.js'
import { recordAudit } from '../audit/audit_log.js'
import { signAccessToken } from '../auth/tokens/access_tokens.js'
import type { SuperAdmin } from './super_admin.js'
import { tenantRecord } from './tenant_record.js'

/**
 * Gives the super admin an access token that acts inside the tenant. It
 * names the super admin as both user and impersonator, so everything done
 * with it is attributable; it carries no tenant roles (a super admin holds
 * every permission) and lives as long as any access token (no refresh).
 */
export async function startImpersonation(tenantId: string, admin: SuperAdmin) {
  const tenant = await tenantRecord(tenantId)
  if (tenant.status === 'deactivated') {
    throw new ApiError(
      409,
      'TENANT_DEACTIVATED',
      `${tenant.name} is deactivated, so it cannot be impersonated. Reactivate it first.`
    )
  }
  const { token, expiresIn } = await signAccessToken({
    userId: admin.userId,
    tenantId: tenant.id,
    roleIds: [],
    features: [],
    impersonatorId: admin.userId,
  })
  await recordAudit({
    tenantId: tenant.id,
    actor: admin.by.actor,
    action: 'tenant.impersonation_started',
    subjectType: 'tenant',
    subjectId: tenant.id,
    after: { impersonatorId: admin.userId, expiresIn },
    ip: admin.by.ip,
    userAgent: admin.userAgent,
    requestId: admin.by.requestId,
  })
  return { accessToken: token, expiresIn, tokenType: 'Bearer' as const }
}
