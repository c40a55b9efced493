import { ApiError } from '#core/http/api_error'
import { auditTeamChange, changedFields, type Acting } from '#core/team/acting'
import { forgetRadiusAccounts } from '#plugins/radius/contracts'
import {
  assertCategory,
  findCustomerOrFail,
  liveSubscriptionCount,
  presentCustomer,
} from './customer_queries.js'
import { updateSubscription } from './subscription_changes.js'

export interface CustomerInput {
  name: string
  phone?: string | null
  email?: string | null
  address?: string | null
  identityNumber?: string | null
  category?: string
  notes?: string | null
}

export interface CustomerChange extends Partial<CustomerInput> {
  status?: 'active' | 'isolated' | 'terminated'
}

const COLUMNS: Record<string, string> = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  address: 'address',
  identityNumber: 'identity_number',
  category: 'category',
  status: 'status',
  notes: 'notes',
}

const identityTaken = () =>
  ApiError.unprocessable([
    {
      field: 'identityNumber',
      message: 'Another customer of this account already has this identity number',
      rule: 'unique',
    },
  ])

/** The unique index decides between two racing requests; the loser gets the same 422. */
async function guardIdentity<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'customers_tenant_identity_unique')
      throw identityTaken()
    throw error
  }
}

const audit = (acting: Acting, action: string, id: string, extra: object) => {
  acting.afterCommit(() => forgetRadiusAccounts(acting.tenant.id)) // RADIUS answers derive from it
  return auditTeamChange(acting, { action, subjectType: 'customer', subjectId: id, ...extra })
}

export async function createCustomer(acting: Acting, input: CustomerInput) {
  const { trx, tenant, actor } = acting
  const category = input.category ?? 'regular'
  await assertCategory(trx, category)
  if (input.identityNumber) {
    const taken = await trx.from('customers').where('identity_number', input.identityNumber).first()
    if (taken) throw identityTaken()
  }
  const [row] = await guardIdentity(() =>
    trx
      .table('customers')
      .insert({
        tenant_id: tenant.id,
        name: input.name,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
        identity_number: input.identityNumber ?? null,
        category,
        notes: input.notes ?? null,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning(['id'])
  )
  const customer = presentCustomer(await findCustomerOrFail(trx, row.id))
  await audit(acting, 'customer.created', row.id, {
    after: { name: customer.name, phone: customer.phone, category },
  })
  return customer
}

export async function updateCustomer(acting: Acting, id: string, change: CustomerChange) {
  const { trx, actor } = acting
  const current = presentCustomer(await findCustomerOrFail(trx, id, true))
  if (change.category) await assertCategory(trx, change.category)
  const { before, after } = changedFields(current, change)
  if (!Object.keys(after).length) return current
  if (after.status === 'terminated') await refuseWhileLive(acting, id, current.name)

  const columns: Record<string, unknown> = { updated_by: actor.userId, updated_at: new Date() }
  for (const [key, value] of Object.entries(after)) columns[COLUMNS[key]] = value
  await guardIdentity(() => trx.from('customers').where('id', id).update(columns))
  await audit(acting, 'customer.updated', id, { before, after })
  return presentCustomer(await findCustomerOrFail(trx, id))
}

async function refuseWhileLive(acting: Acting, id: string, name: string) {
  const live = await liveSubscriptionCount(acting.trx, id)
  if (!live) return
  throw new ApiError(
    409,
    'CUSTOMER_HAS_SUBSCRIPTIONS',
    `${name} still has ${live} subscription${live === 1 ? '' : 's'} that can log in. Terminate or delete ${live === 1 ? 'it' : 'them'} first.`
  )
}

/**
 * Ends the customer relationship. The record stays, as terminated, because
 * invoices and payments keep pointing at it. Their accounts must go first,
 * unless the caller asks to terminate those too (each one audited).
 */
export async function terminateCustomer(
  acting: Acting,
  id: string,
  options: { withSubscriptions?: boolean } = {}
) {
  const current = await findCustomerOrFail(acting.trx, id, true)
  if (current.status === 'terminated') return presentCustomer(current)
  if (options.withSubscriptions) {
    const live = await acting.trx
      .from('subscriptions')
      .where('customer_id', id)
      .whereNot('status', 'terminated')
      .select('id')
    for (const { id: subscriptionId } of live)
      await updateSubscription(acting, subscriptionId, { status: 'terminated' })
  }
  return updateCustomer(acting, id, { status: 'terminated' })
}
