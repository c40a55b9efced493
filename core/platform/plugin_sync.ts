import kernel from '../services/kernel.js'
import { ApiError } from '../http/api_error.js'
import { platformDb } from '../tenancy/tenant_db.js'
import type { Actor } from '../plugins/enablement.js'

/** Plugins a feature change turns on and off (installed plugin ids only). */
export interface PluginChange {
  enable: string[]
  disable: string[]
}

/**
 * What changing the tenant's features from `current` to `next` means for
 * plugins. `enable` is the features that must be running afterwards: for a
 * group that is every plugin in it (re-applying a group restores a plugin
 * switched off by hand), for a single toggle only the toggled one.
 */
export function pluginChangeFor(current: string[], next: string[], enable: string[]): PluginChange {
  const installed = (id: string) => kernel.plugins.has(id)
  return {
    enable: enable.filter(installed),
    disable: current.filter((f) => !next.includes(f)).filter(installed),
  }
}

/**
 * Refuses, before anything is written, a change that enablement would
 * refuse halfway: disabling a plugin that a plugin still enabled afterwards
 * needs (counting the ones this change enables, with their requirements).
 * The feature service and enablement commit separately, so checking first is
 * what keeps features and plugins from disagreeing after a refusal.
 */
export async function assertPluginChangeAllowed(tenantId: string, change: PluginChange) {
  if (!change.disable.length) return
  const rows = await platformDb()
    .from('tenant_plugins')
    .where({ tenant_id: tenantId, enabled: true })
    .select('plugin_id')
  const after = new Set<string>(rows.map((r) => r.plugin_id))
  for (const id of change.enable) {
    for (const required of [...kernel.plugins.requiredBy(id), id]) after.add(required)
  }
  for (const id of change.disable) after.delete(id)

  for (const id of change.disable) {
    const needers = kernel.plugins.dependentsOf(id).filter((other) => after.has(other))
    if (needers.length) {
      const many = needers.length > 1
      throw new ApiError(
        409,
        'PLUGIN_REQUIRED',
        `Cannot disable "${id}": ${needers.map((n) => `"${n}"`).join(', ')} ${many ? 'need' : 'needs'} it. Disable ${many ? 'them' : 'it'} first.`
      )
    }
  }
}

/**
 * Applies a checked change through enablement (which audits each plugin):
 * enables first, then disables dependents before what they depend on.
 * Returns the plugins that actually changed.
 */
export async function applyPluginChange(
  tenantId: string,
  change: PluginChange,
  by: Actor,
  source: 'plan' | 'admin'
) {
  const order = kernel.plugins.ids()
  const enabled: string[] = []
  for (const id of order.filter((p) => change.enable.includes(p))) {
    enabled.push(...(await kernel.enablement.enable(tenantId, id, by, source)))
  }
  const before = await kernel.enablement.enabledFor(tenantId)
  const disabled = order.filter((p) => change.disable.includes(p) && before.has(p)).reverse()
  for (const id of disabled) await kernel.enablement.disable(tenantId, id, by)
  return { enabled, disabled }
}
