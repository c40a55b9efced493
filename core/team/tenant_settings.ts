import { createHash, randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
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
  logo_path: string | null
  custom_domain: string | null
}

/** Where members' browsers fetch an uploaded logo; the version changes with every upload. */
export const LOGO_ROUTE = '/tenant-logo'
const logoVersion = (path: string) => createHash('sha256').update(path).digest('hex').slice(0, 12)

/** The address of the logo to show: the uploaded file, else a logo URL set through the API. */
export function logoAddress(row: { logo_path: string | null; logo_url: string | null }) {
  if (row.logo_path) return `${LOGO_ROUTE}?v=${logoVersion(row.logo_path)}`
  return row.logo_url
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
    logoUrl: logoAddress(row),
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
  'logo_path',
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
  if ('logoUrl' in after) {
    // A logo URL given through the API replaces an uploaded file.
    columns.logo_url = after.logoUrl
    columns.logo_path = null
  }
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
  if ('logoUrl' in after && row.logo_path) removeLogoFileLater(acting, row.logo_path)
  return present(await tenantRow(acting.trx, acting.tenant.id))
}

/** The old file goes once the change is committed; a rolled-back change keeps it. */
function removeLogoFileLater(acting: Acting, path: string) {
  acting.afterCommit(() =>
    drive
      .use()
      .delete(path)
      .catch(() => undefined)
  )
}

/**
 * Stores an uploaded logo (already validated as a small image) as a private
 * file and points the tenant at it. Audited like any settings change.
 */
export async function replaceLogo(acting: Acting, file: MultipartFile) {
  const row = await tenantRow(acting.trx, acting.tenant.id, true)
  const key = `tenants/${row.id}/logo-${randomUUID()}.${file.extname ?? 'png'}`
  await file.moveToDisk(key)
  try {
    await acting.trx
      .from('tenants')
      .where('id', row.id)
      .update({ logo_path: key, logo_url: null, updated_at: new Date() })
    await auditTeamChange(acting, {
      action: 'tenant.logo_updated',
      subjectType: 'tenant',
      subjectId: row.id,
      before: { logo: row.logo_path ? 'uploaded' : (row.logo_url ?? null) },
      after: { logo: 'uploaded', file: file.clientName, size: file.size },
    })
  } catch (error) {
    await drive
      .use()
      .delete(key)
      .catch(() => undefined)
    throw error
  }
  if (row.logo_path) removeLogoFileLater(acting, row.logo_path)
  return present(await tenantRow(acting.trx, acting.tenant.id))
}

/** Back to no logo (the panel shows its own mark). */
export async function removeLogo(acting: Acting) {
  const row = await tenantRow(acting.trx, acting.tenant.id, true)
  if (!row.logo_path && !row.logo_url) return present(row)
  await acting.trx
    .from('tenants')
    .where('id', row.id)
    .update({ logo_path: null, logo_url: null, updated_at: new Date() })
  await auditTeamChange(acting, {
    action: 'tenant.logo_removed',
    subjectType: 'tenant',
    subjectId: row.id,
    before: { logo: row.logo_path ? 'uploaded' : row.logo_url },
    after: { logo: null },
  })
  if (row.logo_path) removeLogoFileLater(acting, row.logo_path)
  return present(await tenantRow(acting.trx, acting.tenant.id))
}

/** The tenant's uploaded logo file, for the route that streams it to members. */
export async function logoFile(trx: TransactionClientContract, tenantId: string) {
  const row = await tenantRow(trx, tenantId)
  if (!row.logo_path) return null
  const disk = drive.use()
  if (!(await disk.exists(row.logo_path))) return null
  return { stream: await disk.getStream(row.logo_path), key: row.logo_path }
}
