import { stringify } from 'csv-stringify/sync'
import type { BatchRow, PrintableVoucher } from './batch_queries.js'

export const CSV_COLUMNS = [
  'username',
  'password',
  'package',
  'price',
  'status',
  'first_login_at',
  'expires_at',
] as const

/** A batch as the spreadsheet a reseller prints or imports into another system. */
export function batchCsv(batch: BatchRow, vouchers: PrintableVoucher[]) {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : '')
  const lines = vouchers.map((v) => [
    v.username,
    v.password,
    batch.package_name,
    batch.price,
    v.status,
    iso(v.first_login_at),
    iso(v.expires_at),
  ])
  return stringify([[...CSV_COLUMNS], ...lines])
}
