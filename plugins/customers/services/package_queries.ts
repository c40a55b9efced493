import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { escapeLike, paginate } from '#core/http/pagination'
import { isUuid } from '#core/team/acting'
import { mapPackage, type BurstSpec, type PackageSpec } from '#core/services/package_mapping'

type Trx = TransactionClientContract

export interface PackageRow {
  id: string
  name: string
  type: 'postpaid_monthly' | 'prepaid_period'
  period_days: number | null
  price: number
  service: 'pppoe' | 'hotspot_member' | 'static_ip'
  download_kbps: number
  upload_kbps: number
  burst: BurstSpec | null
  quota_bytes: string | number | null
  profile_name: string
  address_pool: string | null
  active: boolean
  created_at: Date
  updated_at: Date
  subscription_count?: string | number
}

/** What the package means to the router, in the shape the mapping service reads. */
export function packageSpec(row: PackageRow): PackageSpec {
  return {
    downloadKbps: row.download_kbps,
    uploadKbps: row.upload_kbps,
    burst: row.burst,
    // bigint comes back as a string; quotas stay below 2^53 (validated on input).
    quotaBytes: row.quota_bytes === null ? null : Number(row.quota_bytes),
    profileName: row.profile_name,
    service: row.service === 'hotspot_member' ? 'hotspot' : 'pppoe',
    addressPool: row.address_pool,
  }
}

export function presentPackage(row: PackageRow) {
  const spec = packageSpec(row)
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    periodDays: row.period_days,
    price: row.price,
    service: row.service,
    downloadKbps: row.download_kbps,
    uploadKbps: row.upload_kbps,
    burst: row.burst,
    quotaBytes: spec.quotaBytes,
    profileName: row.profile_name,
    addressPool: row.address_pool,
    active: row.active,
    subscriptionCount: Number(row.subscription_count ?? 0),
    // Shown so operators can check what routers will get, never edited directly.
    mikrotik: mapPackage(spec),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const withCount = (trx: Trx) =>
  trx.raw('(SELECT count(*) FROM subscriptions s WHERE s.package_id = p.id) AS subscription_count')

export function listPackages(
  trx: Trx,
  filters: { page?: number; perPage?: number; q?: string; service?: string; active?: boolean }
) {
  const query = trx.from('service_packages as p')
  if (filters.q) query.whereILike('p.name', `%${escapeLike(filters.q)}%`)
  if (filters.service) query.where('p.service', filters.service)
  if (filters.active !== undefined) query.where('p.active', filters.active)
  return paginate(
    query,
    filters,
    (q) => q.select('p.*', withCount(trx)).orderByRaw('lower(p.name), p.id'),
    (row: PackageRow) => presentPackage(row)
  )
}

export const packageNotFound = () =>
  new ApiError(404, 'PACKAGE_NOT_FOUND', 'No service package with this id exists in this account')

export async function findPackage(trx: Trx, id: string, lock = false): Promise<PackageRow | null> {
  if (!isUuid(id)) return null
  if (lock) await trx.from('service_packages').where('id', id).forUpdate().select('id')
  return trx.from('service_packages as p').where('p.id', id).select('p.*', withCount(trx)).first()
}

export async function findPackageOrFail(trx: Trx, id: string, lock = false) {
  const row = await findPackage(trx, id, lock)
  if (!row) throw packageNotFound()
  return row
}

export async function findPackageByName(trx: Trx, name: string): Promise<PackageRow | null> {
  return trx.from('service_packages as p').whereRaw('lower(p.name) = lower(?)', [name]).first()
}
