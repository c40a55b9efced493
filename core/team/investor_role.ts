import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export const INVESTOR_ROLE_SLUG = 'investor'

/**
 * What an investor (a sub-owner who put money in the business) may see:
 * the numbers, never the controls. Only read permissions.
 */
export const INVESTOR_PERMISSIONS = ['reports.read', 'billing.read', 'customers.read']

/**
 * The tenant's built-in investor role, created the first time an investor
 * account is made. A tenant that already has it keeps its permissions as
 * they edited them.
 */
export async function ensureInvestorRole(trx: TransactionClientContract, tenantId: string) {
  await trx.rawQuery(
    `INSERT INTO roles (tenant_id, slug, name, permissions, is_system) VALUES (?, ?, ?, ?, true)
     ON CONFLICT (tenant_id, slug) DO NOTHING`,
    [tenantId, INVESTOR_ROLE_SLUG, 'Investor', INVESTOR_PERMISSIONS]
  )
}
