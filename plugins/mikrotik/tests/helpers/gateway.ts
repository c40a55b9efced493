import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { routerGateway, type RouterGateway } from '../../contracts.js'

/** The gateway as another plugin gets it: through the extension point, for one tenant. */
export async function gatewayFor(tenantId: string): Promise<RouterGateway> {
  const [extension] = await kernel.extensionsFor(routerGateway, tenantId)
  if (!extension) throw new Error(`no router.gateway is available to tenant ${tenantId}`)
  return extension.implementation
}

export const auditOf = (tenantId: string, action: string) =>
  platformDb()
    .from('audit_logs')
    .where({ tenant_id: tenantId, action })
    .orderBy('id')
    .select('actor', 'subject_id', 'after')

/** The error a promise rejects with, or a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail, but it succeeded')
}
