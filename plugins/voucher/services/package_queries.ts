import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { paginate } from '#core/http/pagination'
import { isUuid } from '#core/team/acting'
import { mapPackage, type PackageSpec } from '#core/services/package_mapping'

type Trx = TransactionClientContract

export interface VoucherPackageRow {
  id: string
  name: string
  price: number
  download_kbps: number
  upload_kbps: number
  quota_bytes: string | number | null
  duration_minutes: number | null
  validity_days: number | null
  shared_users: number
  mac_lock: boolean
  profile_name: string
  hotspot_url: string | null
  active: boolean
  created_at: Date
  updated_at: Date
  voucher_count?: string | number
}

/** What the package means to the router; the authenticator adds the time and quota left. */
export function voucherPackageSpec(row: VoucherPackageRow): PackageSpec {
  return {
    downloadKbps: row.download_kbps,
    uploadKbps: row.upload_kbps,
    // bigint comes back as a string; quotas stay below 2^53 (validated on input).
    quotaBytes: row.quota_bytes === null ? null : Number(row.quota_bytes),
    sessionTimeoutSeconds: row.duration_minutes ? row.duration_minutes * 60 : null,
    profileName: row.profile_name,
    service: 'hotspot',
  }
}

export function presentVoucherPackage(row: VoucherPackageRow) {
  const spec = voucherPackageSpec(row)
  return {
    id: row.id,
    name: row.name,
    price: row.price,
    downloadKbps: row.download_kbps,
    uploadKbps: row.upload_kbps,
    quotaBytes: spec.quotaBytes,
    durationMinutes: row.duration_minutes,
    validityDays: row.validity_days,
    sharedUsers: row.shared_users,
    macLock: row.mac_lock,
    profileName: row.profile_name,
    hotspotUrl: row.hotspot_url,
    active: row.active,
    voucherCount: Number(row.voucher_count ?? 0),
    // Shown so operators can check what a fresh voucher gets, never edited directly.
    mikrotik: mapPackage(spec),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const withCount = (trx: Trx) =>
  trx.raw('(SELECT count(*) FROM vouchers v WHERE v.package_id = p.id) AS voucher_count')

export function listVoucherPackages(
  trx: Trx,
  filters: { page?: number; perPage?: number; active?: boolean }
) {
  const query = trx.from('voucher_packages as p')
  if (filters.active !== undefined) query.where('p.active', filters.active)
  return paginate(
    query,
    filters,
    (q) => q.select('p.*', withCount(trx)).orderByRaw('lower(p.name), p.id'),
    (row: VoucherPackageRow) => presentVoucherPackage(row)
  )
}

export const voucherPackageNotFound = () =>
  new ApiError(
    404,
    'VOUCHER_PACKAGE_NOT_FOUND',
    'No voucher package with this id exists in this account'
  )

export async function findVoucherPackageOrFail(
  trx: Trx,
  id: string,
  lock = false
): Promise<VoucherPackageRow> {
  if (!isUuid(id)) throw voucherPackageNotFound()
  if (lock) await trx.from('voucher_packages').where('id', id).forUpdate().select('id')
  const row = await trx
    .from('voucher_packages as p')
    .where('p.id', id)
    .select('p.*', withCount(trx))
    .first()
  if (!row) throw voucherPackageNotFound()
  return row
}
