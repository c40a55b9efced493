import kernel from '../../services/kernel.js'
import type { ApiError } from '../../http/api_error.js'

/**
 * Names for a translated "cannot disable, others need it" message. The
 * services decided the refusal; this only reads which plugin and which of
 * its dependents are enabled for the tenant, to name them in the panel's language.
 */
export async function pluginRefusalParams(
  tenantId: string,
  error: ApiError,
  /** The plugin the request switched off, when it names one */
  switched?: string
): Promise<Record<string, string>> {
  if (error.code !== 'PLUGIN_REQUIRED') return {}
  // A group change may drop several plugins: the refusal names the first one still needed.
  const plugin = switched ?? /"([^"]+)"/.exec(error.message)?.[1]
  if (!plugin || !kernel.plugins.has(plugin)) return {}
  const enabled = await kernel.enablement.enabledFor(tenantId)
  const nameOf = (id: string) => kernel.plugins.get(id)?.definition.name ?? id
  const dependents = kernel.plugins.dependentsOf(plugin).filter((id) => enabled.has(id))
  return { plugin: nameOf(plugin), dependents: dependents.map(nameOf).join(', ') }
}
