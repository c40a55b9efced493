import kernel from '../services/kernel.js'
import type { Actor } from '../plugins/enablement.js'
import { changePlan } from '../tenancy/plan_service.js'
import { assertPlanCode, invalid } from '../tenancy/limits/plan_catalog.js'
import {
  applyGroup,
  featureGroups,
  featuresOf,
  setFeature,
} from '../tenancy/features/feature_service.js'
import { applyPluginChange, assertPluginChangeAllowed, pluginChangeFor } from './plugin_sync.js'
import { tenantRecord } from './tenant_record.js'

/*
 * Feature changes made by the super admin, kept in step with plugin
 * enablement. Every refusal (unknown group, a plugin still needed) happens
 * before the first write, so a refused request changes nothing.
 */

/** Checks a group can be applied now; returns what it will do to plugins. */
async function prepareGroup(tenantId: string, groupCode: string) {
  const current = await featuresOf(tenantId)
  const groups = await featureGroups()
  const group = groups.find((g) => g.code === groupCode)
  if (!group) {
    const list = groups.map((g) => g.code).join(', ')
    invalid([
      {
        field: 'group',
        message: `There is no feature group "${groupCode}". Choose one of: ${list}.`,
      },
    ])
  }
  const change = pluginChangeFor(current, group.features, group.features)
  await assertPluginChangeAllowed(tenantId, change)
  return group
}

/** Simple mode: the tenant gets exactly the group's features, and their plugins. */
export async function applyFeatureGroup(tenantId: string, groupCode: string, by: Actor) {
  const group = await prepareGroup(tenantId, groupCode)
  const features = await applyGroup(tenantId, group.code, by)
  const plugins = await applyPluginChange(
    tenantId,
    { enable: features.plugins.wanted, disable: features.plugins.removed },
    by,
    'plan'
  )
  return { features: features.features, plugins }
}

/**
 * Advanced mode: one feature on or off. Switching a plugin's feature off
 * also switches the plugin off, even if it was enabled by hand, since that
 * is what the super admin sees the toggle promise.
 */
export async function toggleFeature(
  tenantId: string,
  feature: string,
  enabled: boolean,
  by: Actor
) {
  await tenantRecord(tenantId)
  const isPlugin = kernel.plugins.has(feature)
  const change = {
    enable: enabled && isPlugin ? [feature] : [],
    disable: !enabled && isPlugin ? [feature] : [],
  }
  await assertPluginChangeAllowed(tenantId, change)
  // Validates the feature name; nothing has been written before this.
  const result = await setFeature(tenantId, feature, enabled, by)
  const plugins = await applyPluginChange(tenantId, change, by, 'admin')
  return { features: result.features, plugins }
}

/**
 * Moves a tenant to another plan; with `applyFeatureGroup` its features
 * (and plugins) follow the plan's group. The plan and the group are checked
 * before the plan changes.
 */
export async function changeTenantPlan(
  tenantId: string,
  planCode: string,
  applyFeatureGroupToo: boolean,
  by: Actor
) {
  await tenantRecord(tenantId)
  const plan = await assertPlanCode(planCode, 'plan')
  const withGroup = applyFeatureGroupToo && plan.featureGroup !== null
  if (withGroup) await prepareGroup(tenantId, plan.featureGroup!)
  const change = await changePlan(tenantId, plan.code, by)
  const applied = withGroup ? await applyFeatureGroup(tenantId, plan.featureGroup!, by) : null
  return {
    plan: { before: change.before, after: change.after },
    featureGroup: withGroup ? plan.featureGroup : null,
    plugins: applied?.plugins ?? { enabled: [], disabled: [] },
  }
}
