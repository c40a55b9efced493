import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import kernel from '../../services/kernel.js'
import { recordAudit } from '../../audit/audit_log.js'
import type { Actor } from '../../plugins/enablement.js'
import { invalid } from '../limits/plan_catalog.js'
import { tenantRow } from '../limits/limit_service.js'
import { platformDb } from '../tenant_db.js'

/**
 * A tenant's features, stored in `tenants.features` as `{ "<feature>": true }`.
 * A feature is either a plugin id (`mikrotik`) or a capability name
 * (`api_access`).
 *
 * This service only records features. It does not enable or disable
 * plugins: enablement has its own rules (dependencies, refusal while needed)
 * and lifecycle hooks, and a refusal there must not half-apply a feature
 * change here. Every change returns `plugins`, the features that are
 * installed plugin ids, so the caller syncs enablement afterwards:
 *
 *   const change = await applyGroup(tenantId, 'pro', by)
 *   for (const id of change.plugins.added) await kernel.enablement.enable(tenantId, id, by, 'plan')
 *   for (const id of change.plugins.removed) await kernel.enablement.disable(tenantId, id, by)
 */

export interface FeatureGroup {
  code: string
  name: string
  features: string[]
  sort: number
}

export interface FeatureChange {
  /** The tenant's features after the change, sorted */
  features: string[]
  added: string[]
  removed: string[]
  /** The same three lists restricted to installed plugin ids */
  plugins: { wanted: string[]; added: string[]; removed: string[] }
}

const FEATURE = /^[a-z][a-z0-9_-]{0,63}$/

export async function featureGroups(
  client: QueryClientContract = platformDb()
): Promise<FeatureGroup[]> {
  const rows = await client.from('feature_groups').orderBy('sort').orderBy('code').select('*')
  return rows.map((r) => ({ code: r.code, name: r.name, features: r.features, sort: r.sort }))
}

/** Feature names anything knows about: any group, any installed plugin id or declared feature. */
export async function knownFeatures(
  client: QueryClientContract = platformDb()
): Promise<Set<string>> {
  const known = new Set((await featureGroups(client)).flatMap((g) => g.features))
  for (const { definition } of kernel.plugins.plugins) {
    known.add(definition.id)
    for (const feature of definition.features ?? []) known.add(feature.name)
  }
  return known
}

/** Reads the stored shape leniently: an array of names is accepted as well as the object form. */
function parse(stored: unknown): string[] {
  if (Array.isArray(stored)) return stored.filter((f): f is string => typeof f === 'string').sort()
  if (stored && typeof stored === 'object') {
    return Object.entries(stored)
      .filter(([, on]) => on === true)
      .map(([name]) => name)
      .sort()
  }
  return []
}

export async function featuresOf(tenantId: string, client: QueryClientContract = platformDb()) {
  return parse((await tenantRow(client, tenantId)).features)
}

export async function hasFeature(
  tenantId: string,
  feature: string,
  client: QueryClientContract = platformDb()
) {
  return (await featuresOf(tenantId, client)).includes(feature)
}

/** Simple mode: the tenant gets exactly the group's features, nothing more. */
export async function applyGroup(tenantId: string, groupCode: string, by: Actor) {
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
  return change(tenantId, () => group.features, by, {
    action: 'features.group_applied',
    subjectType: 'feature_group',
    subjectId: group.code,
  })
}

/** Advanced mode: switches one feature on or off and leaves the others alone. */
export async function setFeature(tenantId: string, feature: string, enabled: boolean, by: Actor) {
  const errors = []
  if (typeof enabled !== 'boolean')
    errors.push({ field: 'enabled', message: 'must be true or false' })
  const known = await knownFeatures()
  if (typeof feature !== 'string' || !FEATURE.test(feature) || !known.has(feature)) {
    const list = [...known].sort().join(', ')
    errors.push({
      field: 'feature',
      message: `"${feature}" is not a known feature. Known features: ${list}.`,
    })
  }
  if (errors.length) invalid(errors)
  return change(
    tenantId,
    (current) => (enabled ? [...current, feature] : current.filter((f) => f !== feature)),
    by,
    {
      action: enabled ? 'feature.enabled' : 'feature.disabled',
      subjectType: 'feature',
      subjectId: feature,
    }
  )
}

/** Applies `next` under a row lock so that concurrent changes do not overwrite each other. */
async function change(
  tenantId: string,
  next: (current: string[]) => string[],
  by: Actor,
  audit: { action: string; subjectType: string; subjectId: string }
): Promise<FeatureChange> {
  return platformDb().transaction(async (trx: TransactionClientContract) => {
    const before = parse((await tenantRow(trx, tenantId, { forUpdate: true })).features)
    const after = [...new Set(next(before))].sort()
    const added = after.filter((f) => !before.includes(f))
    const removed = before.filter((f) => !after.includes(f))
    if (added.length || removed.length) {
      await trx
        .from('tenants')
        .where('id', tenantId)
        .update({
          features: JSON.stringify(Object.fromEntries(after.map((f) => [f, true]))),
          updated_at: new Date(),
        })
      await recordAudit(
        {
          tenantId,
          actor: by.actor,
          ...audit,
          before: { features: before },
          after: { features: after },
          ip: by.ip,
          requestId: by.requestId,
        },
        trx
      )
    }
    const isPlugin = (id: string) => kernel.plugins.has(id)
    return {
      features: after,
      added,
      removed,
      plugins: {
        wanted: after.filter(isPlugin),
        added: added.filter(isPlugin),
        removed: removed.filter(isPlugin),
      },
    }
  })
}
