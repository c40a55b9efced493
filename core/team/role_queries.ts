import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../http/api_error.js'

export interface RoleRow {
  id: string
  slug: string
  name: string
  permissions: string[]
  is_system: boolean
  created_at: Date
  updated_at: Date
}

/** What leaves the server about a role. */
export function presentRole(role: RoleRow & { member_count?: number }) {
  return {
    id: role.id,
    slug: role.slug,
    name: role.name,
    permissions: role.permissions,
    isSystem: role.is_system,
    memberCount: role.member_count ?? 0,
    createdAt: role.created_at,
    updatedAt: role.updated_at,
  }
}

export const ROLE_COLUMNS = [
  'id',
  'slug',
  'name',
  'permissions',
  'is_system',
  'created_at',
  'updated_at',
]

/** The tenant's roles, built-in first, each with how many members hold it. */
export function listRoles(trx: TransactionClientContract, tenantId: string) {
  return trx
    .from('roles as r')
    .where('r.tenant_id', tenantId)
    .select(ROLE_COLUMNS.map((c) => `r.${c}`))
    .select(
      trx.raw('(SELECT count(*)::int FROM user_roles ur WHERE ur.role_id = r.id) AS member_count')
    )
    .orderBy([
      { column: 'r.is_system', order: 'desc' },
      { column: 'r.name', order: 'asc' },
    ]) as Promise<(RoleRow & { member_count: number })[]>
}

/** One role of the tenant, locked for the rest of the request; 404 when it is not theirs. */
export async function lockRole(
  trx: TransactionClientContract,
  tenantId: string,
  id: string
): Promise<RoleRow> {
  const role = await trx
    .from('roles')
    .where({ tenant_id: tenantId, id })
    .select(ROLE_COLUMNS)
    .forUpdate()
    .first()
  if (!role) throw new ApiError(404, 'ROLE_NOT_FOUND', 'This role does not exist in your account.')
  return role
}

/** Users (active or not) holding a role. */
export async function holdersOf(trx: TransactionClientContract, roleId: string) {
  const rows = await trx.from('user_roles').where('role_id', roleId).select('user_id')
  return rows.map((row) => row.user_id as string)
}

/**
 * The roles named by `slugs`, in the tenant. An unknown slug is a 422 on
 * `field` that lists what exists, so the caller can correct it.
 */
export async function rolesBySlug(
  trx: TransactionClientContract,
  tenantId: string,
  slugs: string[],
  field = 'roles'
): Promise<{ id: string; slug: string }[]> {
  const roles = await trx
    .from('roles')
    .where('tenant_id', tenantId)
    .whereIn('slug', slugs)
    .select('id', 'slug')
  const missing = slugs.filter((slug) => !roles.some((role) => role.slug === slug))
  if (missing.length) {
    const existing = await trx
      .from('roles')
      .where('tenant_id', tenantId)
      .orderBy('slug')
      .select('slug')
    throw ApiError.unprocessable([
      {
        field,
        message: `Unknown role: ${missing.join(', ')}. Roles in this account: ${existing.map((r) => r.slug).join(', ')}`,
        rule: 'exists',
      },
    ])
  }
  return roles
}

export async function slugTaken(trx: TransactionClientContract, tenantId: string, slug: string) {
  return Boolean(await trx.from('roles').where({ tenant_id: tenantId, slug }).select('id').first())
}
