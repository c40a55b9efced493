import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '#core/http/api_error'
import { escapeLike, paginate } from '#core/http/pagination'
import type { RouterChoice } from '../contracts.js'
import { presentRouter, type RouterRow } from './router_presenter.js'

/**
 * Queries on `mikrotik_routers`. Every one runs on a tenant transaction:
 * row-level security already limits it to the tenant, so none filters by
 * tenant_id itself.
 */
type Trx = TransactionClientContract

const TABLE = 'mikrotik_routers'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface RouterFilters {
  page?: number
  perPage?: number
  q?: string
  status?: 'unknown' | 'online' | 'offline'
}

export function listRouters(trx: Trx, filters: RouterFilters) {
  const query = trx.from(TABLE)
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`
    query.where((q) => q.whereILike('name', pattern).orWhereILike('host', pattern))
  }
  if (filters.status) query.where('status', filters.status)
  return paginate(
    query,
    filters,
    (q) => q.select('*').orderBy('name', 'asc').orderBy('id', 'asc'),
    (row: RouterRow) => presentRouter(row)
  )
}

/** The router with this id in the current tenant; a 404 for anything else, including a malformed id. */
export async function findRouterOrFail(trx: Trx, id: string, lock = false): Promise<RouterRow> {
  const row = UUID.test(id)
    ? await (lock ? trx.from(TABLE).forUpdate() : trx.from(TABLE)).where('id', id).first()
    : null
  if (!row) {
    throw new ApiError(404, 'ROUTER_NOT_FOUND', 'No router with this id exists in this account')
  }
  return row
}

/** The router with this id in the current tenant, or null (also for a malformed id). */
export async function findRouter(trx: Trx, id: string): Promise<RouterRow | null> {
  if (!UUID.test(id)) return null
  return (await trx.from(TABLE).where('id', id).first()) ?? null
}

export async function nameTaken(trx: Trx, name: string, exceptId?: string): Promise<boolean> {
  const query = trx.from(TABLE).whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  return Boolean(await query.first())
}

export function findRouterByName(trx: Trx, name: string): Promise<RouterRow | null> {
  return trx.from(TABLE).whereRaw('lower(name) = lower(?)', [name]).first()
}

export const nameTakenError = () =>
  ApiError.unprocessable([
    { field: 'name', message: 'Another router already has this name', rule: 'unique' },
  ])

/** Two requests racing for one name: the unique index decides, and the loser gets the same 422. */
async function guardUniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'mikrotik_routers_tenant_name_unique')
      throw nameTakenError()
    throw error
  }
}

export async function insertRouter(trx: Trx, values: Record<string, unknown>): Promise<RouterRow> {
  const [row] = await guardUniqueName(() => trx.table(TABLE).insert(values).returning('*'))
  return row
}

export async function updateRouter(
  trx: Trx,
  id: string,
  values: Record<string, unknown>
): Promise<RouterRow> {
  const [row] = await guardUniqueName(() =>
    trx
      .from(TABLE)
      .where('id', id)
      .update({ ...values, updated_at: new Date() })
      .returning('*')
  )
  return row
}

export async function deleteRouter(trx: Trx, id: string): Promise<void> {
  await trx.from(TABLE).where('id', id).delete()
}

/** Id, name and status of the tenant's routers by name, for choice lists. */
export function routerChoices(trx: Trx): Promise<RouterChoice[]> {
  return trx.from(TABLE).select('id', 'name', 'status').orderByRaw('lower(name)').limit(500)
}

/** Routers of the tenant, oldest first: what a sync round walks through. */
export function allRouters(trx: Trx): Promise<RouterRow[]> {
  return trx.from(TABLE).orderBy('created_at').select('*')
}
