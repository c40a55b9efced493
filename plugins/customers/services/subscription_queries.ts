import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { escapeLike, paginate } from '#core/http/pagination'
import { isUuid } from '#core/team/acting'

type Trx = TransactionClientContract

export interface SubscriptionRow {
  id: string
  customer_id: string
  customer_name: string
  package_id: string
  package_name: string
  service_type: 'pppoe' | 'hotspot_member' | 'static_ip'
  username: string
  password_encrypted: string
  router_id: string | null
  static_ip: string | null
  mac_address: string | null
  status: 'active' | 'isolated' | 'expired' | 'terminated'
  start_date: string
  billing_day: number
  isolated_at: Date | null
  isolation_reason: string | null
  expires_at: Date | null
  created_at: Date
  updated_at: Date
}

export interface SubscriptionFilters {
  page?: number
  perPage?: number
  q?: string
  status?: SubscriptionRow['status']
  customerId?: string
  packageId?: string
}

/** What leaves the server about an account: everything but the password. */
export function presentSubscription(row: SubscriptionRow) {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    packageId: row.package_id,
    packageName: row.package_name,
    serviceType: row.service_type,
    username: row.username,
    routerId: row.router_id,
    staticIp: row.static_ip,
    macAddress: row.mac_address,
    status: row.status,
    startDate: row.start_date,
    billingDay: row.billing_day,
    isolatedAt: row.isolated_at,
    isolationReason: row.isolation_reason,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function subscriptionsQuery(trx: Trx) {
  return trx
    .from('subscriptions as s')
    .join('customers as c', 'c.id', 's.customer_id')
    .join('service_packages as p', 'p.id', 's.package_id')
}

const columns = (trx: Trx) => [
  's.*',
  'c.name as customer_name',
  'p.name as package_name',
  // A date stays a calendar date: no time zone shifts it on the way out.
  trx.raw(`to_char(s.start_date, 'YYYY-MM-DD') AS start_date`),
  trx.raw('host(s.static_ip) AS static_ip'),
]

export function listSubscriptions(trx: Trx, filters: SubscriptionFilters) {
  const query = subscriptionsQuery(trx)
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`
    query.where((q) => q.whereILike('s.username', pattern).orWhereILike('c.name', pattern))
  }
  if (filters.status) query.where('s.status', filters.status)
  if (filters.customerId) query.where('s.customer_id', filters.customerId)
  if (filters.packageId) query.where('s.package_id', filters.packageId)
  return paginate(
    query,
    filters,
    (q) => q.select(columns(trx)).orderByRaw('lower(s.username), s.id'),
    (row: SubscriptionRow) => presentSubscription(row)
  )
}

export const subscriptionNotFound = () =>
  new ApiError(404, 'SUBSCRIPTION_NOT_FOUND', 'No subscription with this id exists in this account')

export async function findSubscriptionOrFail(trx: Trx, id: string, lock = false) {
  if (!isUuid(id)) throw subscriptionNotFound()
  if (lock) await trx.from('subscriptions').where('id', id).forUpdate().select('id')
  const row = await subscriptionsQuery(trx).where('s.id', id).select(columns(trx)).first()
  if (!row) throw subscriptionNotFound()
  return row as SubscriptionRow
}

/** The account with exactly this username (RADIUS compares names case-sensitively). */
export async function findByUsername(trx: Trx, username: string) {
  const row = await subscriptionsQuery(trx)
    .where('s.username', username)
    .select(columns(trx))
    .first()
  return (row ?? null) as SubscriptionRow | null
}

export async function customerSubscriptions(trx: Trx, customerId: string) {
  const rows = await subscriptionsQuery(trx)
    .where('s.customer_id', customerId)
    .select(columns(trx))
    .orderBy('s.created_at')
  return (rows as SubscriptionRow[]).map(presentSubscription)
}
