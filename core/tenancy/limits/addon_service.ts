import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ApiError, type FieldError } from '../../http/api_error.js'
import { recordAudit } from '../../audit/audit_log.js'
import type { Actor } from '../../plugins/enablement.js'
import { findAddonOffer, invalid, listAddonOffers } from './plan_catalog.js'
import { tenantRow } from './limit_service.js'
import { platformDb } from '../tenant_db.js'

export type AddonStatus = 'active' | 'pending' | 'cancelled'

/** An addon a tenant bought, with the catalog facts billing and the panel need. */
export interface TenantAddon {
  id: string
  tenantId: string
  code: string
  name: string
  limitKey: string
  increment: number
  quantity: number
  status: AddonStatus
  billable: boolean
  /** IDR per unit and billing cycle, as the catalog lists it now */
  price: number
  billingCycle: string
  createdBy: string
  createdAt: Date
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_QUANTITY = 10_000

function addonsQuery(client: QueryClientContract) {
  return client
    .from('tenant_addons as a')
    .join('addon_catalog as c', 'c.code', 'a.addon_code')
    .select(
      'a.id',
      'a.tenant_id',
      'a.addon_code',
      'a.quantity',
      'a.status',
      'a.billable',
      'a.created_by',
      'a.created_at',
      'c.name',
      'c.limit_key',
      'c.increment',
      'c.price',
      'c.billing_cycle'
    )
}

const toAddon = (row: any): TenantAddon => ({
  id: row.id,
  tenantId: row.tenant_id,
  code: row.addon_code,
  name: row.name,
  limitKey: row.limit_key,
  increment: row.increment,
  quantity: row.quantity,
  status: row.status,
  billable: row.billable,
  price: row.price,
  billingCycle: row.billing_cycle,
  createdBy: row.created_by,
  createdAt: row.created_at,
})

/** Addons that count towards the tenant's limits now. */
export async function activeAddons(tenantId: string, client: QueryClientContract = platformDb()) {
  await tenantRow(client, tenantId)
  const rows = await addonsQuery(client)
    .where('a.tenant_id', tenantId)
    .where('a.status', 'active')
    .orderBy('a.created_at')
  return rows.map(toAddon)
}

/**
 * Gives a tenant `quantity` units of an addon. `pending` is for purchases
 * that wait for the super admin's approval: they do not count until
 * activated. `billable: false` is a courtesy the platform does not charge.
 */
export async function addAddon(
  tenantId: string,
  code: string,
  quantity: number,
  by: Actor,
  options: { status?: 'active' | 'pending'; billable?: boolean } = {}
): Promise<TenantAddon> {
  const { status = 'active', billable = true } = options
  const errors: FieldError[] = []
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    errors.push({ field: 'quantity', message: `must be a whole number from 1 to ${MAX_QUANTITY}` })
  }
  if (status !== 'active' && status !== 'pending') {
    errors.push({ field: 'status', message: 'must be "active" or "pending"' })
  }
  if (typeof billable !== 'boolean')
    errors.push({ field: 'billable', message: 'must be true or false' })
  const offer = typeof code === 'string' && code.length <= 40 ? await findAddonOffer(code) : null
  if (!offer?.active) {
    const onSale = (await listAddonOffers()).map((o) => o.code).join(', ')
    errors.push({
      field: 'code',
      message: offer
        ? `Addon "${code}" is no longer sold. Choose one of: ${onSale}.`
        : `There is no addon "${code}". Choose one of: ${onSale}.`,
    })
  }
  if (errors.length) invalid(errors)

  return platformDb().transaction(async (trx) => {
    await tenantRow(trx, tenantId)
    const [row] = await trx
      .table('tenant_addons')
      .insert({
        tenant_id: tenantId,
        addon_code: code,
        quantity,
        status,
        billable,
        created_by: by.actor,
      })
      .returning('id')
    await recordAudit(
      {
        tenantId,
        actor: by.actor,
        action: 'addon.added',
        subjectType: 'tenant_addon',
        subjectId: row.id,
        after: { code, quantity, status, billable },
        ip: by.ip,
        requestId: by.requestId,
      },
      trx
    )
    return toAddon(await addonsQuery(trx).where('a.id', row.id).first())
  })
}

/** Cancelling an already cancelled addon changes nothing and is not an error. */
export function cancelAddon(id: string, by: Actor, scope: { tenantId?: string } = {}) {
  return transition(id, 'cancelled', by, scope)
}

/** Approves a pending addon so that it counts towards the tenant's limits. */
export function activateAddon(id: string, by: Actor, scope: { tenantId?: string } = {}) {
  return transition(id, 'active', by, scope)
}

/** `scope.tenantId` keeps a tenant's own request from touching another tenant's addon. */
async function transition(
  id: string,
  to: 'active' | 'cancelled',
  by: Actor,
  scope: { tenantId?: string }
): Promise<TenantAddon> {
  if (typeof id !== 'string' || !UUID.test(id)) throw ApiError.notFound('Addon')
  return platformDb().transaction(async (trx) => {
    const row = await trx.from('tenant_addons').where('id', id).forUpdate().first()
    if (!row || (scope.tenantId && row.tenant_id !== scope.tenantId)) {
      throw ApiError.notFound('Addon')
    }
    if (row.status !== to) {
      if (row.status === 'cancelled') {
        throw new ApiError(
          409,
          'ADDON_CANCELLED',
          'This addon was cancelled and cannot be activated again. Add a new one instead.'
        )
      }
      await trx.from('tenant_addons').where('id', id).update({ status: to, updated_at: new Date() })
      await recordAudit(
        {
          tenantId: row.tenant_id,
          actor: by.actor,
          action: to === 'active' ? 'addon.activated' : 'addon.cancelled',
          subjectType: 'tenant_addon',
          subjectId: id,
          before: { code: row.addon_code, quantity: row.quantity, status: row.status },
          after: { code: row.addon_code, quantity: row.quantity, status: to },
          ip: by.ip,
          requestId: by.requestId,
        },
        trx
      )
    }
    return toAddon(await addonsQuery(trx).where('a.id', id).first())
  })
}

/**
 * Turns down a pending addon: it is cancelled without ever having counted,
 * and the reason goes into the audit log. An addon already cancelled stays
 * as it is; an active one is refused, since cancelling is what ends it.
 */
export async function rejectAddon(
  id: string,
  by: Actor,
  scope: { tenantId?: string } = {},
  reason?: string
): Promise<TenantAddon> {
  if (typeof id !== 'string' || !UUID.test(id)) throw ApiError.notFound('Addon')
  return platformDb().transaction(async (trx) => {
    const row = await trx.from('tenant_addons').where('id', id).forUpdate().first()
    if (!row || (scope.tenantId && row.tenant_id !== scope.tenantId)) {
      throw ApiError.notFound('Addon')
    }
    if (row.status === 'active') {
      throw new ApiError(
        409,
        'ADDON_NOT_PENDING',
        'This addon is already active, so there is nothing to reject. Cancel it instead.'
      )
    }
    if (row.status === 'pending') {
      await trx
        .from('tenant_addons')
        .where('id', id)
        .update({ status: 'cancelled', updated_at: new Date() })
      await recordAudit(
        {
          tenantId: row.tenant_id,
          actor: by.actor,
          action: 'addon.rejected',
          subjectType: 'tenant_addon',
          subjectId: id,
          before: { code: row.addon_code, quantity: row.quantity, status: row.status },
          after: {
            code: row.addon_code,
            quantity: row.quantity,
            status: 'cancelled',
            ...(reason ? { reason } : {}),
          },
          ip: by.ip,
          requestId: by.requestId,
        },
        trx
      )
    }
    return toAddon(await addonsQuery(trx).where('a.id', id).first())
  })
}
