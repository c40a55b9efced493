import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../http/api_error.js'
import { escapeLike, pageResponse } from '../http/pagination.js'

export interface MemberRow {
  id: string
  email: string
  full_name: string
  phone: string | null
  status: 'active' | 'deactivated'
  roles: string[]
  last_login_at: Date | null
  created_at: Date
  parent_user_id: string | null
}

export interface MemberFilters {
  page: number
  perPage: number
  q?: string
  status?: 'active' | 'deactivated'
  role?: string
}

/** What leaves the server about a team member: never the password hash. */
export function presentMember(row: MemberRow) {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    phone: row.phone,
    status: row.status,
    roles: row.roles,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    parentUserId: row.parent_user_id,
  }
}

function membersQuery(trx: TransactionClientContract, tenantId: string) {
  return trx
    .from('users as u')
    .where('u.tenant_id', tenantId)
    .select(
      'u.id',
      'u.email',
      'u.full_name',
      'u.phone',
      'u.status',
      'u.last_login_at',
      'u.created_at',
      'u.parent_user_id',
      trx.raw(
        `array(SELECT r.slug FROM user_roles ur JOIN roles r ON r.id = ur.role_id
               WHERE ur.user_id = u.id ORDER BY r.slug) AS roles`
      )
    )
}

// `%` and `_` typed in a search box are letters, not wildcards.
const likePattern = (text: string) => `%${escapeLike(text)}%`

/** One page of the team, oldest member first (the owner leads). */
export async function listMembers(
  trx: TransactionClientContract,
  tenantId: string,
  filters: MemberFilters
) {
  const query = membersQuery(trx, tenantId)
  if (filters.q) {
    const pattern = likePattern(filters.q)
    query.where((q) => q.whereILike('u.full_name', pattern).orWhereILike('u.email', pattern))
  }
  if (filters.status) query.where('u.status', filters.status)
  if (filters.role) {
    const slug = filters.role
    query.whereExists((sub) =>
      sub
        .from('user_roles as ur')
        .join('roles as r', 'r.id', 'ur.role_id')
        .whereRaw('ur.user_id = u.id')
        .where('r.slug', slug)
    )
  }
  const page = await query
    .orderBy([
      { column: 'u.created_at', order: 'asc' },
      { column: 'u.id', order: 'asc' },
    ])
    .paginate(filters.page, filters.perPage)
  return pageResponse<MemberRow, ReturnType<typeof presentMember>>(page, presentMember)
}

/** One member of the tenant, or 404 (another tenant's users are invisible here). */
export async function findMember(trx: TransactionClientContract, tenantId: string, id: string) {
  const row = (await membersQuery(trx, tenantId).where('u.id', id).first()) as MemberRow | null
  if (!row) throw new ApiError(404, 'USER_NOT_FOUND', 'This user is not a member of your team.')
  return row
}

/** Locks a member's row so that concurrent edits of the same person queue up. */
export async function lockMember(trx: TransactionClientContract, tenantId: string, id: string) {
  await trx.from('users').where({ tenant_id: tenantId, id }).forUpdate().select('id')
  return findMember(trx, tenantId, id)
}

/**
 * Active owners other than `exceptUserId`. Callers first lock the owner role
 * row, so two requests demoting two different owners cannot both pass.
 */
export async function otherActiveOwners(
  trx: TransactionClientContract,
  tenantId: string,
  exceptUserId: string
) {
  await trx.from('roles').where({ tenant_id: tenantId, slug: 'owner' }).forUpdate().select('id')
  const row = await trx
    .from('users as u')
    .join('user_roles as ur', 'ur.user_id', 'u.id')
    .join('roles as r', 'r.id', 'ur.role_id')
    .where({ 'u.tenant_id': tenantId, 'u.status': 'active', 'r.slug': 'owner' })
    .whereNot('u.id', exceptUserId)
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
