import kernel from '#core/services/kernel'
import { routerGateway, type RouterGateway } from '../../contracts.js'

export { rejectionOf } from './net.js'
export { auditOf } from './routers.js'

/** The gateway as another plugin gets it: through the extension point, for one tenant. */
export async function gatewayFor(tenantId: string): Promise<RouterGateway> {
  const [extension] = await kernel.extensionsFor(routerGateway, tenantId)
  if (!extension) throw new Error(`no router.gateway is available to tenant ${tenantId}`)
  return extension.implementation
}
