import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { escapeLike, paginate } from '#core/http/pagination'
import { isUuid } from '#core/team/acting'
import { phoneSearchTerm } from './phone.js'

/**
 * Queries on `customers`. They run on a tenant transaction: row-level
 * security already limits them to the tenant, so none filters by tenant_id.
 */
type Trx = TransactionClientContract

export const BUILT_IN_CATEGORIES = ['regular', 'hotspot', 'member'] as const

export interface CustomerRow {
  id: string
  name: string
  phone: string | null
  email: string | null
  address: string | null
  identity_number: string | null
  category: string
  status: 'active' | 'isolated' | 'terminated'
  notes: string | null
  created_by: string | null
  updated_by: string | null
  created_at: Date
  updated_at: Date
  usernames?: string[]
}

export interface CustomerFilters {
  page?: number
  perPage?: number
  q?: string
  status?: CustomerRow['status']
  category?: string
  packageId?: string
}

export function presentCustomer(row: CustomerRow) {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    identityNumber: row.identity_number,
    category: row.category,
    status: row.status,
    notes: row.notes,
    usernames: row.usernames ?? [],
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const withUsernames = (trx: Trx) =>
  trx.raw(
    `array(SELECT s.username FROM subscriptions s WHERE s.customer_id = c.id ORDER BY s.username) AS usernames`
  )

export function listCustomers(trx: Trx, filters: CustomerFilters) {
  const query = trx.from('customers as c')
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`
    const phone = phoneSearchTerm(filters.q)
    query.where((q) => {
      q.whereILike('c.name', pattern)
        .orWhereILike('c.email', pattern)
        .orWhereILike('c.phone', pattern)
        .orWhereExists((sub) =>
          sub
            .from('subscriptions as s')
            .whereRaw('s.customer_id = c.id')
            .whereILike('s.username', pattern)
        )
      if (phone) q.orWhereILike('c.phone', `%${escapeLike(phone)}%`)
    })
  }
  if (filters.status) query.where('c.status', filters.status)
  if (filters.category) query.where('c.category', filters.category)
  if (filters.packageId)
    query.whereExists((sub) =>
      sub
        .from('subscriptions as s')
        .whereRaw('s.customer_id = c.id')
        .where('s.package_id', filters.packageId!)
    )
  return paginate(
    query,
    filters,
    (q) => q.select('c.*', withUsernames(trx)).orderByRaw('lower(c.name), c.id'),
    (row: CustomerRow) => presentCustomer(row)
  )
}

export const customerNotFound = () =>
  new ApiError(404, 'CUSTOMER_NOT_FOUND', 'No customer with this id exists in this account')

/** The customer with this id in the current tenant; 404 for anything else, a malformed id included. */
export async function findCustomerOrFail(trx: Trx, id: string, lock = false): Promise<CustomerRow> {
  if (!isUuid(id)) throw customerNotFound()
  const query = trx.from('customers as c').where('c.id', id)
  if (lock) await trx.from('customers').where('id', id).forUpdate().select('id')
  const row = await query.select('c.*', withUsernames(trx)).first()
  if (!row) throw customerNotFound()
  return row
}

/** Customer categories of the tenant: the built-in ones first, then its own by name. */
export async function listCategories(trx: Trx) {
  const own = await trx.from('customer_categories').orderBy('name').select('name', 'label')
  return [
    ...BUILT_IN_CATEGORIES.map((name) => ({ name, label: name, builtIn: true })),
    ...own.map((row) => ({ name: row.name, label: row.label, builtIn: false })),
  ]
}

/** Refuses a category the tenant has not defined, listing the ones it may use. */
export async function assertCategory(trx: Trx, name: string, field = 'category') {
  if ((BUILT_IN_CATEGORIES as readonly string[]).includes(name)) return
  if (await trx.from('customer_categories').where('name', name).first()) return
  const known = (await listCategories(trx)).map((c) => c.name).join(', ')
  throw ApiError.unprocessable([
    { field, message: `Unknown category "${name}". Use one of: ${known}`, rule: 'exists' },
  ])
}

/** Subscriptions of a customer that still log in or may again (not terminated). */
export async function liveSubscriptionCount(trx: Trx, customerId: string) {
  const [row] = await trx
    .from('subscriptions')
    .where('customer_id', customerId)
    .whereNot('status', 'terminated')
    .count('* as total')
  return Number(row.total)
}
