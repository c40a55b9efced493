import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../http/api_error.js'
import kernel from '../services/kernel.js'
import { auditTeamChange, changedFields, type Acting } from './acting.js'

export interface SettingsChange {
  name?: string
  timezone?: string
  locale?: 'id' | 'en'
  logoUrl?: string | null
}

interface TenantRow {
  id: string
  slug: string
  name: string
  plan: string
  status: string
  timezone: string
  locale: string
  logo_url: string | null
  custom_domain: string | null
}

// The zones this runtime can format dates in; computed once, the list does not change at runtime.
let zones: Set<string> | undefined
const knownZones = () => (zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']))

function present(row: TenantRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    plan: row.plan,
    status: row.status,
    timezone: row.timezone,
    locale: row.locale,
    logoUrl: row.logo_url,
    customDomain: row.custom_domain,
  }
}

const COLUMNS = [
  'id',
  'slug',
  'name',
  'plan',
  'status',
  'timezone',
  'locale',
  'logo_url',
  'custom_domain',
]

/** The tenant's own row, read through row-level security (a tenant sees itself only). */
async function tenantRow(trx: TransactionClientContract, tenantId: string, lock = false) {
  const query = trx.from('tenants').where('id', tenantId).select(COLUMNS)
  if (lock) query.forUpdate()
  const row = (await query.first()) as TenantRow | null
  if (!row)
    throw new ApiError(404, 'TENANT_NOT_FOUND', 'The account you belong to no longer exists.')
  return row
}

export async function readSettings(trx: TransactionClientContract, tenantId: string) {
  return present(await tenantRow(trx, tenantId))
}

export async function updateSettings(acting: Acting, change: SettingsChange) {
  if (change.timezone !== undefined && !knownZones().has(change.timezone)) {
    throw ApiError.unprocessable([
      {
        field: 'timezone',
        message: `"${change.timezone}" is not a known IANA time zone; use a name like Asia/Jakarta`,
        rule: 'timezone',
      },
    ])
  }
  const row = await tenantRow(acting.trx, acting.tenant.id, true)
  const { before, after } = changedFields(present(row), change)
  if (!Object.keys(after).length) return present(row)

  const columns: Record<string, unknown> = {}
  if ('name' in after) columns.name = after.name
  if ('timezone' in after) columns.timezone = after.timezone
  if ('locale' in after) columns.locale = after.locale
  if ('logoUrl' in after) columns.logo_url = after.logoUrl
  await acting.trx
    .from('tenants')
    .where('id', row.id)
    .update({ ...columns, updated_at: new Date() })
  await auditTeamChange(acting, {
    action: 'tenant.settings_updated',
    subjectType: 'tenant',
    subjectId: row.id,
    before,
    after,
  })
  // Every request reads the tenant from a cache: drop the old name and zone once committed.
  acting.afterCommit(() =>
    kernel.tenants.forget({ id: row.id, slug: row.slug, custom_domain: row.custom_domain })
  )
  return present(await tenantRow(acting.trx, acting.tenant.id))
}
