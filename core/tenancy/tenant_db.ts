import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract, QueryClientContract } from '@adonisjs/lucid/types/database'

export type TenantTransaction = TransactionClientContract

/**
 * Runs `work` in a transaction of the app connection with the tenant set,
 * so row-level security shows and accepts only that tenant's rows.
 */
export function withTenant<T>(
  tenantId: string,
  work: (trx: TenantTransaction) => Promise<T>
): Promise<T> {
  return db.connection('app').transaction(async (trx) => {
    await trx.rawQuery(`SELECT set_config('app.tenant_id', ?, true)`, [tenantId])
    return work(trx)
  })
}

/** Opens a tenant transaction that the caller commits or rolls back (one per request). */
export async function openTenantTransaction(tenantId: string): Promise<TenantTransaction> {
  const trx = await db.connection('app').transaction()
  try {
    await trx.rawQuery(`SELECT set_config('app.tenant_id', ?, true)`, [tenantId])
  } catch (error) {
    await trx.rollback()
    throw error
  }
  return trx
}

/**
 * The owner connection: sees every tenant. Only for platform work — sign-in
 * by email, the super admin, schedulers fanning out over tenants, caches —
 * never for answering a tenant's request about its own data.
 */
export function platformDb(): QueryClientContract {
  return db.connection('platform')
}
