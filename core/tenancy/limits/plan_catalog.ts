import vine, { errors as vineErrors } from '@vinejs/vine'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import kernel from '../../services/kernel.js'
import { platformDb } from '../tenant_db.js'
import { ApiError, type FieldError } from '../../http/api_error.js'
import { recordAudit } from '../../audit/audit_log.js'
import type { Actor } from '../../plugins/enablement.js'

/*
 * The catalog the platform sells: plans and limit addons. Platform data
 * (no tenant_id), so it is read and written through the owner connection;
 * readers take an optional client to read inside a caller's transaction.
 */

/** `{ max_router: 2, max_voucher: null }`: null is unlimited; a key a plan does not list is not restricted by it. */
export type LimitValues = Record<string, number | null>

export interface Plan {
  code: string
  name: string
  /** IDR per month; null when negotiated */
  price: number | null
  limits: LimitValues
  featureGroup: string | null
  sort: number
  active: boolean
}

export interface AddonOffer {
  code: string
  name: string
  limitKey: string
  /** How much one unit raises `limitKey` */
  increment: number
  /** IDR per billing cycle, per unit */
  price: number
  billingCycle: 'monthly' | 'yearly' | 'one_time'
  active: boolean
}

const LIMIT_KEY = /^[a-z][a-z0-9_]{0,59}$/
// int4 columns: anything above this would reach PostgreSQL as an overflow (a 500).
const MAX_INT = 2_000_000_000

/** Refuses input with field-level messages; callers validate before writing, so nothing has changed. */
export function invalid(errors: FieldError[]): never {
  throw ApiError.unprocessable(errors)
}

async function validate<T>(validator: { validate(data: unknown): Promise<T> }, data: unknown) {
  try {
    return await validator.validate(data)
  } catch (error) {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) invalid(error.messages as FieldError[])
    throw error
  }
}

const toPlan = (row: any): Plan => ({
  code: row.code,
  name: row.name,
  price: row.price,
  limits: row.limits ?? {},
  featureGroup: row.feature_group,
  sort: row.sort,
  active: row.active,
})

const toOffer = (row: any): AddonOffer => ({
  code: row.code,
  name: row.name,
  limitKey: row.limit_key,
  increment: row.increment,
  price: row.price,
  billingCycle: row.billing_cycle,
  active: row.active,
})

export async function listPlans(
  options: { includeInactive?: boolean } = {},
  client: QueryClientContract = platformDb()
) {
  const query = client.from('plans').orderBy('sort').orderBy('code')
  if (!options.includeInactive) query.where('active', true)
  return (await query.select('*')).map(toPlan)
}

export async function findPlan(code: string, client: QueryClientContract = platformDb()) {
  const row = await client.from('plans').where('code', code).first()
  return row ? toPlan(row) : null
}

/** The plan a tenant may be put on: one that exists and is on sale. */
export async function assertPlanCode(
  code: unknown,
  field = 'plan',
  client: QueryClientContract = platformDb()
): Promise<Plan> {
  const plan = typeof code === 'string' && code.length <= 20 ? await findPlan(code, client) : null
  if (plan?.active) return plan
  const onSale = (await listPlans({}, client)).map((p) => p.code).join(', ')
  const message =
    typeof code !== 'string'
      ? `must be a plan code, one of: ${onSale}`
      : plan
        ? `Plan "${code}" is no longer sold. Choose one of: ${onSale}.`
        : `There is no plan "${code}". Choose one of: ${onSale}.`
  invalid([{ field, message }])
}

const planPatch = vine.create(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(80).optional(),
    price: vine.number().withoutDecimals().min(0).max(MAX_INT).nullable().optional(),
    limits: vine.record(vine.number().withoutDecimals().min(0).max(MAX_INT).nullable()).optional(),
    featureGroup: vine.string().maxLength(20).nullable().optional(),
    sort: vine.number().withoutDecimals().min(-MAX_INT).max(MAX_INT).optional(),
    active: vine.boolean().optional(),
  })
)

/**
 * The super admin edits a plan. `limits` is merged into the plan's limits
 * (null = unlimited); tenants on the plan see the new values at once.
 */
export async function updatePlan(code: string, patch: unknown, by: Actor): Promise<Plan> {
  const data = await validate(planPatch, patch)
  const badKeys = Object.keys(data.limits ?? {}).filter((key) => !LIMIT_KEY.test(key))
  if (badKeys.length) {
    invalid(
      badKeys.map((key) => ({
        field: `limits.${key}`,
        message: 'must be a snake_case limit name such as max_router',
      }))
    )
  }
  return editRow('plans', 'plan', code, toPlan, by, async (before, trx) => {
    if (data.featureGroup) {
      const group = await trx.from('feature_groups').where('code', data.featureGroup).first()
      if (!group) {
        invalid([
          { field: 'featureGroup', message: `There is no feature group "${data.featureGroup}"` },
        ])
      }
    }
    const { featureGroup, limits, ...rest } = data
    return {
      ...rest,
      feature_group: featureGroup,
      limits: limits && JSON.stringify({ ...before.limits, ...limits }),
    }
  })
}

/** Locks a catalog row, applies the changes (undefined = untouched) and audits before/after. */
async function editRow<T>(
  table: 'plans' | 'addon_catalog',
  subjectType: string,
  code: string,
  toValue: (row: any) => T,
  by: Actor,
  changesFor: (before: T, trx: TransactionClientContract) => Promise<Record<string, unknown>>
): Promise<T> {
  return platformDb().transaction(async (trx) => {
    const row = await trx.from(table).where('code', code).forUpdate().first()
    if (!row) throw ApiError.notFound(`${subjectType === 'plan' ? 'Plan' : 'Addon'} "${code}"`)
    const before = toValue(row)
    const changes = Object.entries(await changesFor(before, trx)).filter(([, v]) => v !== undefined)
    const [updated] = await trx
      .from(table)
      .where('code', code)
      .update({ ...Object.fromEntries(changes), updated_at: new Date() })
      .returning('*')
    const after = toValue(updated)
    await recordAudit(
      {
        tenantId: null,
        actor: by.actor,
        action: `${subjectType}.updated`,
        subjectType,
        subjectId: code,
        before,
        after,
        ip: by.ip,
        requestId: by.requestId,
      },
      trx
    )
    return after
  })
}

export async function listAddonOffers(
  options: { includeInactive?: boolean } = {},
  client: QueryClientContract = platformDb()
) {
  const query = client.from('addon_catalog').orderBy('limit_key').orderBy('code')
  if (!options.includeInactive) query.where('active', true)
  return (await query.select('*')).map(toOffer)
}

export async function findAddonOffer(code: string, client: QueryClientContract = platformDb()) {
  const row = await client.from('addon_catalog').where('code', code).first()
  return row ? toOffer(row) : null
}

const offerPatch = vine.create(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(80).optional(),
    increment: vine.number().withoutDecimals().min(1).max(MAX_INT).optional(),
    price: vine.number().withoutDecimals().min(0).max(MAX_INT).optional(),
    billingCycle: vine.enum(['monthly', 'yearly', 'one_time'] as const).optional(),
    active: vine.boolean().optional(),
  })
)

/**
 * The super admin edits an addon offer. A new increment applies to units
 * already bought; retiring an offer (`active: false`) stops new sales only.
 */
export async function updateAddonOffer(
  code: string,
  patch: unknown,
  by: Actor
): Promise<AddonOffer> {
  const { billingCycle, ...rest } = await validate(offerPatch, patch)
  return editRow('addon_catalog', 'addon_offer', code, toOffer, by, async () => ({
    ...rest,
    billing_cycle: billingCycle,
  }))
}

/** Limit names anything knows about: any plan, any addon offer, any installed plugin's manifest. */
export async function knownLimitKeys(
  client: QueryClientContract = platformDb()
): Promise<Set<string>> {
  const { rows } = await client.rawQuery(
    `SELECT jsonb_object_keys(limits) AS key FROM plans UNION SELECT limit_key FROM addon_catalog`
  )
  const keys = new Set<string>(rows.map((r: { key: string }) => r.key))
  for (const limit of kernel.plugins.limits()) keys.add(limit.name)
  return keys
}

export async function assertLimitKey(
  key: unknown,
  field = 'limitKey',
  client: QueryClientContract = platformDb()
): Promise<string> {
  const known = await knownLimitKeys(client)
  if (typeof key === 'string' && known.has(key)) return key
  const list = [...known].sort().join(', ')
  const message =
    typeof key === 'string'
      ? `"${key}" is not a known limit. Known limits: ${list}.`
      : `must be a limit name, one of: ${list}`
  invalid([{ field, message }])
}
