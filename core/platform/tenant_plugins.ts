import kernel from '../services/kernel.js'
import type { Actor } from '../plugins/enablement.js'
import { tenantRecord } from './tenant_record.js'

/**
 * The super admin switches one plugin for a tenant, outside any plan
 * (source `admin`). Enablement brings the plugins it requires along and
 * refuses to disable one that another enabled plugin needs.
 */
export async function setTenantPlugin(
  tenantId: string,
  pluginId: string,
  enabled: boolean,
  by: Actor
) {
  const tenant = await tenantRecord(tenantId)
  if (enabled) {
    return {
      enabled: await kernel.enablement.enable(tenant.id, pluginId, by, 'admin'),
      disabled: [],
    }
  }
  // Unknown ids fall through to disable(), which answers PLUGIN_NOT_INSTALLED.
  const wasEnabled =
    kernel.plugins.has(pluginId) && (await kernel.enablement.isEnabled(tenant.id, pluginId))
  await kernel.enablement.disable(tenant.id, pluginId, by)
  return { enabled: [], disabled: wasEnabled ? [pluginId] : [] }
}
