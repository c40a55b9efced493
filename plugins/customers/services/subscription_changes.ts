import { DateTime } from 'luxon'
import { ApiError, type FieldError } from '#core/http/api_error'
import { auditTeamChange, changedFields, isUuid, type Acting } from '#core/team/acting'
import { forgetRadiusAccounts } from '#plugins/radius/contracts'
import { findPackage, type PackageRow } from './package_queries.js'
import { findSubscriptionOrFail, presentSubscription } from './subscription_queries.js'
import { decryptPassword, encryptPassword, generatePassword } from './subscription_secrets.js'

type Service = 'pppoe' | 'hotspot_member' | 'static_ip'

export interface SubscriptionInput {
  customerId: string
  packageId: string
  serviceType?: Service
  username: string
  password?: string
  routerId?: string | null
  staticIp?: string | null
  macAddress?: string | null
  startDate?: string
  billingDay?: number
  expiresAt?: string | null
}

export interface SubscriptionChange {
  packageId?: string
  username?: string
  password?: string
  routerId?: string | null
  staticIp?: string | null
  macAddress?: string | null
  status?: 'active' | 'isolated' | 'expired' | 'terminated'
  isolationReason?: string | null
  billingDay?: number
  expiresAt?: string | null
}

const invalid = (field: string, message: string, rule: string): never => {
  throw ApiError.unprocessable([{ field, message, rule }])
}

/** Unique indexes settle requests racing for one username or address, with the same 422. */
const UNIQUE: Record<string, FieldError> = {
  subscriptions_tenant_username_unique: {
    field: 'username',
    message: 'Another account of this tenant already uses this username',
    rule: 'unique',
  },
  subscriptions_tenant_static_ip_unique: {
    field: 'staticIp',
    message: 'Another account of this tenant already has this static IP',
    rule: 'unique',
  },
}
async function guardUnique<T>(work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    const known = UNIQUE[(error as { constraint?: string }).constraint ?? '']
    if (known) throw ApiError.unprocessable([known])
    throw error
  }
}

async function assertFree(
  acting: Acting,
  values: { username?: string; staticIp?: string | null },
  exceptId?: string
) {
  const checks: [string, string, string | null | undefined][] = [
    ['subscriptions_tenant_username_unique', 'lower(username) = lower(?)', values.username],
    ['subscriptions_tenant_static_ip_unique', 'static_ip = ?::inet', values.staticIp],
  ]
  for (const [constraint, sql, value] of checks) {
    if (!value) continue
    const query = acting.trx.from('subscriptions').whereRaw(sql, [value])
    if (exceptId) query.whereNot('id', exceptId)
    if (await query.first()) throw ApiError.unprocessable([UNIQUE[constraint]])
  }
}

async function usablePackage(acting: Acting, id: string): Promise<PackageRow> {
  const row = await findPackage(acting.trx, id)
  if (!row)
    return invalid('packageId', 'No service package with this id exists in this account', 'exists')
  if (!row.active)
    return invalid('packageId', `The package "${row.name}" is no longer sold (inactive)`, 'active')
  return row
}

async function usableCustomer(acting: Acting, id: string) {
  const row = isUuid(id) ? await acting.trx.from('customers').where('id', id).first() : null
  if (!row)
    return invalid('customerId', 'No customer with this id exists in this account', 'exists')
  if (row.status === 'terminated')
    return invalid(
      'customerId',
      `${row.name} is terminated; reactivate the customer first`,
      'active'
    )
  return row
}

/** A prepaid package runs for its period from the start date, in the tenant's time zone. */
function prepaidExpiry(pkg: PackageRow, startDate: string, zone: string) {
  if (pkg.type !== 'prepaid_period' || !pkg.period_days) return null
  return DateTime.fromISO(startDate, { zone }).plus({ days: pkg.period_days }).toJSDate()
}

const audit = (acting: Acting, action: string, id: string, extra: object) => {
  acting.afterCommit(() => forgetRadiusAccounts(acting.tenant.id)) // RADIUS answers derive from it
  return auditTeamChange(acting, { action, subjectType: 'subscription', subjectId: id, ...extra })
}

export async function createSubscription(acting: Acting, input: SubscriptionInput) {
  const zone = acting.tenant.timezone || 'Asia/Jakarta'
  const customer = await usableCustomer(acting, input.customerId)
  const pkg = await usablePackage(acting, input.packageId)
  const serviceType = input.serviceType ?? pkg.service
  if (serviceType !== pkg.service)
    invalid(
      'serviceType',
      `The package "${pkg.name}" is for ${pkg.service}, not ${serviceType}`,
      'package'
    )
  if (serviceType === 'static_ip' && !input.staticIp)
    invalid('staticIp', 'A static IP account needs its address', 'required')
  await assertFree(acting, input)

  const startDate = input.startDate ?? DateTime.now().setZone(zone).toISODate()!
  const start = DateTime.fromISO(startDate, { zone })
  if (!start.isValid)
    invalid('startDate', 'The startDate field must be a real date such as 2026-12-01', 'date')
  const [row] = await guardUnique(() =>
    acting.trx
      .table('subscriptions')
      .insert({
        tenant_id: acting.tenant.id,
        customer_id: customer.id,
        package_id: pkg.id,
        service_type: serviceType,
        username: input.username,
        password_encrypted: encryptPassword(input.password ?? generatePassword()),
        router_id: input.routerId ?? null,
        static_ip: input.staticIp ?? null,
        mac_address: input.macAddress ?? null,
        start_date: startDate,
        billing_day: input.billingDay ?? Math.min(start.day, 28),
        expires_at:
          input.expiresAt === undefined ? prepaidExpiry(pkg, startDate, zone) : input.expiresAt,
      })
      .returning(['id'])
  )
  const created = presentSubscription(await findSubscriptionOrFail(acting.trx, row.id))
  const { customerName, packageName, createdAt, updatedAt, ...after } = created
  await audit(acting, 'subscription.created', row.id, { after })
  return created
}

const COLUMNS: Record<string, string> = {
  packageId: 'package_id',
  username: 'username',
  routerId: 'router_id',
  staticIp: 'static_ip',
  macAddress: 'mac_address',
  status: 'status',
  isolationReason: 'isolation_reason',
  billingDay: 'billing_day',
  expiresAt: 'expires_at',
}

export async function updateSubscription(acting: Acting, id: string, change: SubscriptionChange) {
  const row = await findSubscriptionOrFail(acting.trx, id, true)
  const current = presentSubscription(row)
  const { password, ...fields } = change
  if (fields.packageId && fields.packageId !== row.package_id) {
    const pkg = await usablePackage(acting, fields.packageId)
    if (pkg.service !== row.service_type)
      invalid(
        'packageId',
        `The package "${pkg.name}" is for ${pkg.service}, not ${row.service_type}`,
        'package'
      )
  }
  const staticIp = fields.staticIp === undefined ? current.staticIp : fields.staticIp
  if (row.service_type === 'static_ip' && !staticIp)
    invalid('staticIp', 'A static IP account needs its address', 'required')
  const { before, after } = changedFields(current, fields)
  await assertFree(
    acting,
    { username: after.username as string, staticIp: after.staticIp as string },
    id
  )

  const columns: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(after)) columns[COLUMNS[key]] = value
  if (after.status === 'isolated') columns.isolated_at = new Date()
  if (after.status && after.status !== 'isolated') {
    columns.isolated_at = null
    columns.isolation_reason = null
  }
  if (password !== undefined) columns.password_encrypted = encryptPassword(password)
  if (!Object.keys(columns).length) return current

  await guardUnique(() =>
    acting.trx
      .from('subscriptions')
      .where('id', id)
      .update({ ...columns, updated_at: new Date() })
  )
  await audit(acting, 'subscription.updated', id, {
    before: { username: row.username, customerId: row.customer_id, ...before },
    // The password itself never goes into the audit log: only that it changed.
    after: password !== undefined ? { ...after, passwordChanged: true } : after,
  })
  return presentSubscription(await findSubscriptionOrFail(acting.trx, id))
}

/** Removes the account: it stops logging in at once and frees its place under max_user. */
export async function deleteSubscription(acting: Acting, id: string) {
  const row = await findSubscriptionOrFail(acting.trx, id, true)
  await acting.trx.from('subscriptions').where('id', id).delete()
  await audit(acting, 'subscription.deleted', id, {
    before: { username: row.username, customerId: row.customer_id, packageId: row.package_id },
  })
}

export async function revealPassword(acting: Acting, id: string) {
  const row = await findSubscriptionOrFail(acting.trx, id)
  const password = decryptPassword(row)
  await audit(acting, 'subscription.password_revealed', id, { after: { username: row.username } })
  return { id: row.id, username: row.username, password }
}
