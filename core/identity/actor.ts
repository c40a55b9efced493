import { platformDb } from '../tenancy/tenant_db.js'
import { grants } from './permissions.js'

/** Who is making a request, as the access checks need it. */
export interface Actor {
  userId: string
  email: string
  fullName: string
  tenantId: string | null
  isSuperAdmin: boolean
  roleIds: string[]
  roleSlugs: string[]
  permissions: string[]
  /** The super admin acting as this tenant, when impersonating */
  impersonatorId?: string
  /** The language the user chose for the panel and server messages (`id`, `en`), if any */
  locale?: string | null
}

export function actorCan(actor: Actor, permission: string) {
  return actor.isSuperAdmin || grants(actor.permissions, permission)
}

/**
 * Loads an active user with the union of their roles' permissions.
 * Deactivated users get null; the tenant's own status is checked later in
 * the request chain, so its users get a message about the account.
 */
export async function loadActor(userId: string): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null
  const user = await platformDb()
    .from('users')
    .where('users.id', userId)
    .where('users.status', 'active')
    .select(
      'users.id',
      'users.email',
      'users.full_name',
      'users.tenant_id',
      'users.is_super_admin',
      'users.locale'
    )
    .first()
  if (!user) return null
  const roles = await platformDb()
    .from('user_roles')
    .join('roles', 'roles.id', 'user_roles.role_id')
    .where('user_roles.user_id', userId)
    .select('roles.id', 'roles.slug', 'roles.permissions')
  return {
    userId: user.id,
    email: user.email,
    fullName: user.full_name,
    tenantId: user.tenant_id,
    isSuperAdmin: user.is_super_admin,
    roleIds: roles.map((r) => r.id),
    roleSlugs: roles.map((r) => r.slug),
    permissions: [...new Set(roles.flatMap((r) => r.permissions as string[]))].sort(),
    locale: user.locale ?? null,
  }
}
