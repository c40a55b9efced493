import { ApiError } from '../http/api_error.js'
import { recordAudit } from '../audit/audit_log.js'
import type { Actor } from '../plugins/enablement.js'
import { invalid } from '../tenancy/limits/plan_catalog.js'
import { knownFeatures, type FeatureGroup } from '../tenancy/features/feature_service.js'
import { platformDb } from '../tenancy/tenant_db.js'

export interface FeatureGroupPatch {
  name?: string
  features?: string[]
}

/**
 * The super admin edits what a feature group (and so every plan naming it)
 * includes. Tenants keep the features they have: the group's new set
 * reaches a tenant when the group is applied to it again (a plan change,
 * or simple mode on its page), so no tenant loses a module unannounced.
 */
export async function updateFeatureGroup(
  code: string,
  patch: FeatureGroupPatch,
  by: Actor
): Promise<FeatureGroup> {
  if (patch.features) {
    const known = await knownFeatures()
    const unknown = patch.features.filter((feature) => !known.has(feature))
    if (unknown.length) {
      invalid([
        {
          field: 'features',
          message: `Unknown ${unknown.length > 1 ? 'features' : 'feature'}: ${unknown.join(', ')}. Known features: ${[...known].sort().join(', ')}.`,
        },
      ])
    }
  }
  return platformDb().transaction(async (trx) => {
    const row = await trx.from('feature_groups').where('code', code).forUpdate().first()
    if (!row) throw ApiError.notFound(`Feature group "${code}"`)
    const before: FeatureGroup = {
      code: row.code,
      name: row.name,
      features: row.features,
      sort: row.sort,
    }
    const after: FeatureGroup = {
      ...before,
      name: patch.name ?? before.name,
      features: patch.features ? [...new Set(patch.features)].sort() : before.features,
    }
    await trx
      .from('feature_groups')
      .where('code', code)
      .update({ name: after.name, features: after.features })
    await recordAudit(
      {
        tenantId: null,
        actor: by.actor,
        action: 'feature_group.updated',
        subjectType: 'feature_group',
        subjectId: code,
        before,
        after,
        ip: by.ip,
        requestId: by.requestId,
      },
      trx
    )
    return after
  })
}
