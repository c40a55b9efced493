import env from '#start/env'
import kernel from '../services/kernel.js'
import { ApiError, type FieldError } from '../http/api_error.js'
import { recordAudit } from '../audit/audit_log.js'
import { createTenantUser, ensureDefaultRoles } from '../identity/accounts.js'
import type { Actor } from '../plugins/enablement.js'
import { assertPlanCode, invalid, type Plan } from '../tenancy/limits/plan_catalog.js'
import { platformDb } from '../tenancy/tenant_db.js'
import { applyFeatureGroup } from './tenant_features.js'

export interface NewTenant {
  name: string
  slug: string
  plan: string
  timezone?: string
  locale?: 'id' | 'en'
  customDomain?: string | null
  owner: { email: string; fullName: string; password: string }
}

/** Subdomains the platform keeps for itself. */
const RESERVED_SLUGS = new Set(
  'www api app admin platform mail static assets docs status'.split(' ')
)

const EMAIL_TAKEN = 'This email is already used by another account'

/**
 * Signs up a tenant: the tenant, its default roles and its owner in one
 * transaction; then its plan's feature group and the plugins that group
 * implies. Those last steps go through the feature and enablement services,
 * which commit on their own, so if they fail the tenant is removed again
 * rather than left half set up.
 */
export async function onboardTenant(input: NewTenant, by: Actor) {
  const plan = await assertAvailable(input)
  const tenant = await platformDb()
    .transaction(async (trx) => {
      const [row] = await trx
        .table('tenants')
        .insert({
          name: input.name,
          slug: input.slug,
          plan: plan.code,
          status: 'active',
          timezone: input.timezone ?? 'Asia/Jakarta',
          locale: input.locale ?? 'id',
          custom_domain: input.customDomain ?? null,
        })
        .returning(['id', 'slug', 'custom_domain'])
      await ensureDefaultRoles(trx, row.id)
      const owner = await createTenantUser(
        trx,
        row.id,
        { ...input.owner, locale: input.locale ?? 'id', roleSlugs: ['owner'] },
        by.actor
      )
      await recordAudit(
        {
          tenantId: row.id,
          actor: by.actor,
          action: 'tenant.created',
          subjectType: 'tenant',
          subjectId: row.id,
          after: {
            name: input.name,
            slug: input.slug,
            plan: plan.code,
            customDomain: row.custom_domain,
            owner: owner.email,
          },
          ip: by.ip,
          requestId: by.requestId,
        },
        trx
      )
      return row as { id: string; slug: string; custom_domain: string | null }
    })
    .catch(rethrowTaken)

  try {
    if (plan.featureGroup) await applyFeatureGroup(tenant.id, plan.featureGroup, by)
  } catch (error) {
    await platformDb().from('tenants').where('id', tenant.id).delete()
    throw error
  }
  // A lookup of this address before the tenant existed may have cached "no such tenant".
  await kernel.tenants.forget(tenant)
  return tenant
}

/** Every check that needs the database, reported together as field errors. */
async function assertAvailable(input: NewTenant): Promise<Plan> {
  const errors: FieldError[] = []
  const db = platformDb()
  const plan = await assertPlanCode(input.plan, 'plan').catch((error) => {
    if (!(error instanceof ApiError) || !error.errors) throw error
    errors.push(...error.errors)
    return null
  })
  if (RESERVED_SLUGS.has(input.slug)) {
    errors.push({
      field: 'slug',
      message: `"${input.slug}" is reserved by the platform. Choose another.`,
      rule: 'reserved',
    })
  } else if (await db.from('tenants').where('slug', input.slug).first()) {
    errors.push({
      field: 'slug',
      message: `"${input.slug}" is already used by another tenant. Choose another.`,
      rule: 'unique',
    })
  }
  const domain = input.customDomain
  const base = env.get('TENANT_BASE_DOMAIN')?.toLowerCase()
  if (domain && base && (domain === base || domain.endsWith(`.${base}`))) {
    errors.push({
      field: 'customDomain',
      message: `Addresses under ${base} come from the slug. Enter the tenant's own domain, or leave it empty.`,
    })
  } else if (domain && (await db.from('tenants').where('custom_domain', domain).first())) {
    errors.push({
      field: 'customDomain',
      message: `${domain} is already used by another tenant.`,
      rule: 'unique',
    })
  }
  if (await db.from('users').whereRaw('email = ?::citext', [input.owner.email]).first()) {
    errors.push({ field: 'owner.email', message: EMAIL_TAKEN, rule: 'unique' })
  }
  if (errors.length || !plan) invalid(errors)
  return plan
}

/** Unique constraints a concurrent sign-up can hit between the checks and the insert. */
const TAKEN: [constraint: string, error: FieldError][] = [
  ['slug', { field: 'slug', message: 'This slug was just taken. Choose another.', rule: 'unique' }],
  [
    'custom_domain',
    { field: 'customDomain', message: 'This domain was just taken.', rule: 'unique' },
  ],
  ['email', { field: 'owner.email', message: EMAIL_TAKEN, rule: 'unique' }],
]

function rethrowTaken(error: any): never {
  const constraint = error?.code === '23505' ? String(error.constraint ?? '') : null
  const taken = constraint === null ? undefined : TAKEN.find(([name]) => constraint.includes(name))
  if (taken) invalid([taken[1]])
  if (error instanceof ApiError && error.status === 422 && error.errors) {
    // createTenantUser names the owner's fields without the `owner.` prefix.
    throw ApiError.unprocessable(error.errors.map((e) => ({ ...e, field: `owner.${e.field}` })))
  }
  throw error
}
