import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../../http/api_error.js'
import { platformDb, withTenant } from '../tenant_db.js'
import { findPlan, invalid, knownLimitKeys } from './plan_catalog.js'

/** How one limit of a tenant comes about. null = unlimited. */
export interface LimitBreakdown {
  /** The plan's default */
  plan: number | null
  /** Set by the super admin for this tenant; replaces the plan's default */
  override: number | null
  /** Sum over active addons of quantity × increment */
  addons: number
  /** (override ?? plan) + addons; unlimited stays unlimited */
  effective: number | null
}

export type EffectiveLimits = Record<string, LimitBreakdown>

/** Stored in `tenants.limits` as `{ "max_router": { "value": 8, "billable": true } }`. */
export interface LimitOverride {
  value: number
  /** Billing charges the difference to the plan when true; false for a courtesy raise */
  billable: boolean
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The tenant's row; 404 for an unknown (or malformed) id, so bad input never reaches PostgreSQL as a cast error. */
export async function tenantRow(
  client: QueryClientContract,
  tenantId: string,
  options: { forUpdate?: boolean } = {}
): Promise<{ id: string; plan: string; limits: Record<string, LimitOverride>; features: unknown }> {
  if (typeof tenantId !== 'string' || !UUID.test(tenantId)) throw ApiError.notFound('Tenant')
  const query = client
    .from('tenants')
    .where('id', tenantId)
    .select('id', 'plan', 'limits', 'features')
  if (options.forUpdate) query.forUpdate()
  const row = await query.first()
  if (!row) throw ApiError.notFound('Tenant')
  return row
}

/** The super admin's per-tenant overrides, for billing and the admin panel. */
export async function limitOverrides(tenantId: string, client: QueryClientContract = platformDb()) {
  return (await tenantRow(client, tenantId)).limits ?? {}
}

/**
 * Every known limit of the tenant with where its value comes from. Reads
 * through `client` so that it sees the caller's transaction (and never asks
 * the pool for a second connection while one is held); by default through
 * the owner connection, for the super admin and billing.
 */
export async function effectiveLimits(
  tenantId: string,
  client: QueryClientContract = platformDb()
): Promise<EffectiveLimits> {
  const tenant = await tenantRow(client, tenantId)
  const plan = await findPlan(tenant.plan, client)
  if (!plan) {
    // Failing closed: an unknown plan must not read as "no limits".
    throw new ApiError(
      409,
      'PLAN_NOT_FOUND',
      `This account is on plan "${tenant.plan}", which is not in the plan catalog. Ask the platform administrator to assign a plan.`
    )
  }
  const { rows } = await client.rawQuery(
    `SELECT c.limit_key, SUM(a.quantity * c.increment)::bigint AS total
       FROM tenant_addons a JOIN addon_catalog c ON c.code = a.addon_code
      WHERE a.tenant_id = ? AND a.status = 'active'
      GROUP BY c.limit_key`,
    [tenantId]
  )
  const fromAddons = new Map<string, number>(
    rows.map((r: { limit_key: string; total: string }) => [r.limit_key, Number(r.total)])
  )
  const overrides = tenant.limits ?? {}
  const keys = new Set([...(await knownLimitKeys(client)), ...Object.keys(overrides)])

  const result: EffectiveLimits = {}
  for (const key of [...keys].sort()) {
    const planValue = plan.limits[key] ?? null
    const override = overrides[key]?.value ?? null
    const addons = fromAddons.get(key) ?? 0
    const base = override ?? planValue
    result[key] = {
      plan: planValue,
      override,
      addons,
      effective: base === null ? null : base + addons,
    }
  }
  return result
}

/**
 * Refuses a create that would take the tenant past a limit. Call it inside
 * the transaction that inserts (a tenant transaction, or the owner's), at
 * READ COMMITTED (the default). It takes a transaction-scoped advisory lock
 * per tenant and limit: a concurrent create for the same limit waits until
 * this transaction ends, then counts what it inserted. Keep that transaction
 * short (no router calls inside), since it holds the lock to the end.
 */
export async function assertCanCreate(
  trx: TransactionClientContract,
  tenantId: string,
  limitKey: string,
  countCurrent: (trx: TransactionClientContract) => Promise<number | string | bigint>,
  adding = 1
): Promise<void> {
  if (!Number.isInteger(adding) || adding < 1) {
    invalid([{ field: 'adding', message: 'must be a whole number of at least 1' }])
  }
  // Two int4 keys; a hash collision only makes two unrelated creates wait for each other.
  await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))', [
    String(tenantId),
    String(limitKey),
  ])
  const limits = await effectiveLimits(tenantId, trx)
  const limit = limits[limitKey]
  if (!limit) {
    const list = Object.keys(limits).join(', ')
    invalid([
      { field: 'limitKey', message: `"${limitKey}" is not a known limit. Known limits: ${list}.` },
    ])
  }
  if (limit.effective === null) return

  const inUse = Number(await countCurrent(trx))
  if (inUse + adding <= limit.effective) return

  const addons = await trx
    .from('addon_catalog')
    .where({ limit_key: limitKey, active: true })
    .orderBy('code')
    .select('code')
  throw new ApiError(
    403,
    'LIMIT_REACHED',
    limitReachedMessage(
      limitKey,
      limit.effective,
      inUse,
      adding,
      addons.map((a) => a.code)
    )
  )
}

/**
 * For plugins: opens a tenant transaction (row-level security set to the
 * tenant), checks the limit, then runs `create` in the same transaction.
 * Do every read and write of `countCurrent` and `create` through the `trx`
 * they receive.
 *
 *   await withinLimit(
 *     tenant.id,
 *     'max_router',
 *     async (trx) => (await trx.from('routers').where('tenant_id', tenant.id).count('* as n'))[0].n,
 *     (trx) => trx.table('routers').insert({ tenant_id: tenant.id, ...data }).returning('*')
 *   )
 */
export function withinLimit<T>(
  tenantId: string,
  limitKey: string,
  countCurrent: (trx: TransactionClientContract) => Promise<number | string | bigint>,
  create: (trx: TransactionClientContract) => Promise<T>,
  adding = 1
): Promise<T> {
  return withTenant(tenantId, async (trx) => {
    await assertCanCreate(trx, tenantId, limitKey, countCurrent, adding)
    return create(trx)
  })
}

/** What operators call the things each limit counts: [one, many]. */
const NOUNS: Record<string, [string, string]> = {
  max_router: ['router', 'routers'],
  max_user: ['user', 'users'],
  max_voucher: ['voucher', 'vouchers'],
  max_odp: ['ODP', 'ODPs'],
  max_client_maps: ['client on the map', 'clients on the map'],
}

function limitReachedMessage(
  key: string,
  effective: number,
  inUse: number,
  adding: number,
  addonCodes: string[]
) {
  const words = key.replace(/^max_/, '').replace(/_/g, ' ')
  const [one, many] = NOUNS[key] ?? [words, words.endsWith('s') ? words : `${words}s`]
  const allows = `Your plan allows ${effective} ${effective === 1 ? one : many} and ${inUse} ${inUse === 1 ? 'is' : 'are'} in use`
  const tooMany = adding > 1 && inUse < effective ? `, so ${adding} more do not fit` : ''
  const fix = addonCodes.length
    ? `Add ${/^[aeiou]/i.test(addonCodes[0]) ? 'an' : 'a'} ${addonCodes.join(' or ')} addon or upgrade the plan.`
    : 'Upgrade the plan or ask the platform administrator to raise the limit.'
  return `${allows}${tooMany}. ${fix}`
}
