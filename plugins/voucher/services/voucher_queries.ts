import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { escapeLike, paginate } from '#core/http/pagination'
import { isUuid } from '#core/team/acting'

type Trx = TransactionClientContract

export interface VoucherRow {
  id: string
  batch_id: string
  package_id: string
  package_name: string
  username: string
  password: string
  status: 'unused' | 'active' | 'used' | 'expired' | 'disabled'
  first_login_at: Date | null
  mac_address: string | null
  nas_ip: string | null
  expires_at: Date | null
  used_minutes: number
  created_at: Date
  updated_at: Date
}

export function presentVoucher(row: VoucherRow) {
  return {
    id: row.id,
    batchId: row.batch_id,
    package: { id: row.package_id, name: row.package_name },
    username: row.username,
    password: row.password,
    status: row.status,
    firstLoginAt: row.first_login_at,
    macAddress: row.mac_address,
    nasIp: row.nas_ip,
    expiresAt: row.expires_at,
    usedMinutes: row.used_minutes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const vouchers = (trx: Trx) =>
  trx.from('vouchers as v').join('voucher_packages as p', 'p.id', 'v.package_id')

export function listVouchers(
  trx: Trx,
  filters: {
    page?: number
    perPage?: number
    batchId?: string
    packageId?: string
    status?: string
    q?: string
    createdFrom?: string
    createdTo?: string
  },
  timezone = 'Asia/Jakarta'
) {
  const query = vouchers(trx)
  if (filters.createdFrom)
    query.whereRaw('(v.created_at AT TIME ZONE ?)::date >= ?::date', [
      timezone,
      filters.createdFrom,
    ])
  if (filters.createdTo)
    query.whereRaw('(v.created_at AT TIME ZONE ?)::date <= ?::date', [timezone, filters.createdTo])
  if (filters.batchId) query.where('v.batch_id', filters.batchId)
  if (filters.packageId) query.where('v.package_id', filters.packageId)
  if (filters.status) query.where('v.status', filters.status)
  // Codes are upper case; a cashier typing "ab12" still finds "AB12".
  if (filters.q) query.whereILike('v.username', `%${escapeLike(filters.q)}%`)
  return paginate(
    query,
    filters,
    (q) =>
      q
        .select('v.*', 'p.name as package_name')
        .orderBy('v.created_at', 'desc')
        .orderBy('v.username'),
    (row: VoucherRow) => presentVoucher(row)
  )
}

export const voucherNotFound = () =>
  new ApiError(404, 'VOUCHER_NOT_FOUND', 'No voucher with this id exists in this account')

export async function findVoucherOrFail(trx: Trx, id: string, lock = false): Promise<VoucherRow> {
  if (!isUuid(id)) throw voucherNotFound()
  if (lock) await trx.from('vouchers').where('id', id).forUpdate().select('id')
  const row = await vouchers(trx).where('v.id', id).select('v.*', 'p.name as package_name').first()
  if (!row) throw voucherNotFound()
  return row
}
