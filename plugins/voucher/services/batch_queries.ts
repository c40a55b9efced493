import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { paginate } from '#core/http/pagination'
import { isUuid } from '#core/team/acting'

type Trx = TransactionClientContract

export interface BatchRow {
  id: string
  package_id: string
  package_name: string
  count: number
  price: number
  prefix: string
  charset: string
  length: number
  mode: 'code' | 'user_pass'
  router_id: string | null
  delivery: 'radius' | 'push'
  push_job_id: string | null
  pushed_at: Date | null
  tenant_id: string
  created_by: string | null
  created_at: Date
  by_status: Record<string, number> | null
}

export function presentBatch(row: BatchRow) {
  return {
    id: row.id,
    package: { id: row.package_id, name: row.package_name },
    count: row.count,
    price: row.price,
    prefix: row.prefix,
    charset: row.charset,
    length: row.length,
    mode: row.mode,
    routerId: row.router_id,
    delivery: row.delivery,
    pushJobId: row.push_job_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    // How the batch is selling: unused, active, used, expired, disabled.
    byStatus: { unused: 0, active: 0, used: 0, expired: 0, disabled: 0, ...row.by_status },
  }
}

function batches(trx: Trx) {
  return trx.from('voucher_batches as b').join('voucher_packages as p', 'p.id', 'b.package_id')
}

const columns = (trx: Trx) => [
  'b.*',
  'p.name as package_name',
  trx.raw(`(SELECT jsonb_object_agg(status, n) FROM (
      SELECT status, count(*)::int AS n FROM vouchers v WHERE v.batch_id = b.id GROUP BY status
    ) s) AS by_status`),
]

export function listBatches(
  trx: Trx,
  filters: { page?: number; perPage?: number; packageId?: string }
) {
  const query = batches(trx)
  if (filters.packageId) query.where('b.package_id', filters.packageId)
  return paginate(
    query,
    filters,
    (q) => q.select(columns(trx)).orderBy('b.created_at', 'desc').orderBy('b.id'),
    (row: BatchRow) => presentBatch(row)
  )
}

export const batchNotFound = () =>
  new ApiError(
    404,
    'VOUCHER_BATCH_NOT_FOUND',
    'No voucher batch with this id exists in this account'
  )

export async function findBatchOrFail(trx: Trx, id: string): Promise<BatchRow> {
  if (!isUuid(id)) throw batchNotFound()
  const row = await batches(trx).where('b.id', id).select(columns(trx)).first()
  if (!row) throw batchNotFound()
  return row
}

export interface PrintableVoucher {
  username: string
  password: string
  status: string
  expires_at: Date | null
  first_login_at: Date | null
}

/** A batch's vouchers in the order they were printed (by code, so a stack is easy to sort by hand). */
export function batchVouchers(trx: Trx, batchId: string): Promise<PrintableVoucher[]> {
  return trx
    .from('vouchers')
    .where('batch_id', batchId)
    .select('username', 'password', 'status', 'expires_at', 'first_login_at')
    .orderBy('username')
}
