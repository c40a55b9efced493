import type { Session } from '@adonisjs/session'
import { ApiError } from '../http/api_error.js'
import { recordAudit } from '../audit/audit_log.js'
import { signAccessToken } from '../auth/tokens/access_tokens.js'
import type { SuperAdmin } from './super_admin.js'
import { tenantRecord, type TenantRecord } from './tenant_record.js'

/** The session key the panel's authentication reads to act inside a tenant. */
export const IMPERSONATION_SESSION_KEY = 'impersonating_tenant_id'

/** The tenant, unless it is deactivated (nobody acts inside a deactivated tenant). */
async function impersonableTenant(tenantId: string): Promise<TenantRecord> {
  const tenant = await tenantRecord(tenantId)
  if (tenant.status === 'deactivated') {
    throw new ApiError(
      409,
      'TENANT_DEACTIVATED',
      `${tenant.name} is deactivated, so it cannot be impersonated. Reactivate it first.`
    )
  }
  return tenant
}

/** Records who starts acting inside the tenant; the API (a token) and the panel (the session) alike. */
function auditStart(tenant: TenantRecord, admin: SuperAdmin, after: Record<string, unknown>) {
  return recordAudit({
    tenantId: tenant.id,
    actor: admin.by.actor,
    action: 'tenant.impersonation_started',
    subjectType: 'tenant',
    subjectId: tenant.id,
    after: { impersonatorId: admin.userId, ...after },
    ip: admin.by.ip,
    userAgent: admin.userAgent,
    requestId: admin.by.requestId,
  })
}

/**
 * Gives the super admin an access token that acts inside the tenant. It
 * names the super admin as both user and impersonator, so everything done
 * with it is attributable; it carries no tenant roles (a super admin holds
 * every permission) and lives as long as any access token (no refresh).
 */
export async function startImpersonation(tenantId: string, admin: SuperAdmin) {
  const tenant = await impersonableTenant(tenantId)
  const { token, expiresIn } = await signAccessToken({
    userId: admin.userId,
    tenantId: tenant.id,
    roleIds: [],
    features: [],
    impersonatorId: admin.userId,
  })
  await auditStart(tenant, admin, { expiresIn })
  return { accessToken: token, expiresIn, tokenType: 'Bearer' as const }
}

/**
 * The panel way: the super admin's own session acts inside the tenant until
 * they stop (the panel's authentication reads the session key). The session
 * id changes, as on any change of privileges.
 */
export async function startPanelImpersonation(
  tenantId: string,
  admin: SuperAdmin,
  session: Session
) {
  const tenant = await impersonableTenant(tenantId)
  await auditStart(tenant, admin, { via: 'panel' })
  session.regenerate()
  session.put(IMPERSONATION_SESSION_KEY, tenant.id)
  return tenant
}

/** Ends a panel impersonation (audited); returns the tenant it ended in, if any. */
export async function stopPanelImpersonation(admin: SuperAdmin, session: Session) {
  const tenantId = session.get(IMPERSONATION_SESSION_KEY) as string | undefined
  if (!tenantId) return null
  session.forget(IMPERSONATION_SESSION_KEY)
  session.regenerate()
  await recordAudit({
    tenantId,
    actor: admin.by.actor,
    action: 'tenant.impersonation_ended',
    subjectType: 'tenant',
    subjectId: tenantId,
    after: { impersonatorId: admin.userId, via: 'panel' },
    ip: admin.by.ip,
    userAgent: admin.userAgent,
    requestId: admin.by.requestId,
  })
  return tenantId
}
