import kernel from '../services/kernel.js'
import { recordAudit } from '../audit/audit_log.js'
import type { Actor } from '../plugins/enablement.js'
import { platformDb } from '../tenancy/tenant_db.js'
import type { TenantStatus } from '../tenancy/tenant_directory.js'
import { tenantRecord } from './tenant_record.js'

/**
 * Activates, deactivates or panel-isolates a tenant. The tenant chain reads
 * the status from the tenant cache, so the cache is dropped afterwards: the
 * tenant's next request already meets the new status.
 */
export async function changeTenantStatus(
  tenantId: string,
  status: TenantStatus,
  by: Actor,
  reason?: string
) {
  const tenant = await platformDb().transaction(async (trx) => {
    const row = await tenantRecord(tenantId, trx, { forUpdate: true })
    if (row.status === status) return row
    await trx.from('tenants').where('id', tenantId).update({ status, updated_at: new Date() })
    await recordAudit(
      {
        tenantId,
        actor: by.actor,
        action: 'tenant.status_changed',
        subjectType: 'tenant',
        subjectId: tenantId,
        before: { status: row.status },
        after: { status, ...(reason ? { reason } : {}) },
        ip: by.ip,
        requestId: by.requestId,
      },
      trx
    )
    return row
  })
  await kernel.tenants.forget(tenant)
}
