import { ApiError } from '../http/api_error.js'
import kernel from '../services/kernel.js'
import { ROLE_TEMPLATES } from '../identity/permissions.js'
import { auditTeamChange, changedFields, type Acting } from './acting.js'
import { assertCustomRolesInPlan } from './plan_gate.js'
import { unknownPermissions } from './permission_catalog.js'
import {
  holdersOf,
  lockRole,
  presentRole,
  ROLE_COLUMNS,
  slugTaken,
  type RoleRow,
} from './role_queries.js'
import { INVESTOR_ROLE_SLUG } from './investor_role.js'

// Built-in slugs stay free for the built-in roles, even those a tenant does not have yet.
const RESERVED_SLUGS = new Set([...ROLE_TEMPLATES.map((t) => t.slug), INVESTOR_ROLE_SLUG])

export interface RoleInput {
  name?: string
  slug?: string
  permissions?: string[]
}

/** `Kasir Loket` → `kasir-loket`; accents dropped, so Indonesian and English names both work. */
function slugFrom(name: string) {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return /^[a-z]/.test(slug) ? slug : slug ? `role-${slug}`.slice(0, 40) : ''
}

const slugInUse = (slug: string) =>
  ApiError.unprocessable([
    { field: 'slug', message: `Another role already uses the slug "${slug}"`, rule: 'unique' },
  ])

/** The write, with a slug taken by a concurrent request between check and write reported as such. */
async function writingSlug<T>(slug: string, write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw slugInUse(slug)
    throw error
  }
}

async function assertSlugFree(acting: Acting, slug: string) {
  if (!slug) {
    throw ApiError.unprocessable([
      { field: 'slug', message: 'No slug can be made from this name; send a slug', rule: 'regex' },
    ])
  }
  if (RESERVED_SLUGS.has(slug)) {
    throw ApiError.unprocessable([
      { field: 'slug', message: `"${slug}" is reserved for a built-in role`, rule: 'reserved' },
    ])
  }
  if (await slugTaken(acting.trx, acting.tenant.id, slug)) throw slugInUse(slug)
}

/** Grants already on a role stay valid, so a built-in role can be edited before its plugin is installed. */
function assertKnownPermissions(requested: string[], role?: RoleRow) {
  const kept = new Set(role?.permissions ?? [])
  const unknown = unknownPermissions(requested, {
    allowEverything: role?.is_system ?? false,
  }).filter((p) => !kept.has(p))
  if (unknown.length) {
    throw ApiError.unprocessable([
      {
        field: 'permissions',
        message: `Unknown permission: ${unknown.join(', ')}. Use names from GET /api/v1/permissions or an area wildcard such as "users.*"`,
        rule: 'exists',
      },
    ])
  }
}

/** Everyone holding the role reloads it on their next request. */
async function forgetHolders(acting: Acting, roleId: string) {
  const holders = await holdersOf(acting.trx, roleId)
  acting.afterCommit(async () => {
    for (const userId of holders) await kernel.actors.forget(userId)
  })
}

export async function createRole(
  acting: Acting,
  input: Required<Pick<RoleInput, 'name' | 'permissions'>> & RoleInput
) {
  await assertCustomRolesInPlan(acting.trx, acting.tenant.id)
  const slug = input.slug ?? slugFrom(input.name)
  await assertSlugFree(acting, slug)
  assertKnownPermissions(input.permissions)
  const [role] = await writingSlug(
    slug,
    acting.trx
      .insertQuery()
      .table('roles')
      .insert({
        tenant_id: acting.tenant.id,
        slug,
        name: input.name,
        permissions: input.permissions,
        is_system: false,
      })
      .returning(ROLE_COLUMNS)
  )
  await auditTeamChange(acting, {
    action: 'role.created',
    subjectType: 'role',
    subjectId: role.id,
    after: { slug, name: input.name, permissions: input.permissions },
  })
  return presentRole(role)
}

export async function updateRole(acting: Acting, id: string, input: RoleInput) {
  await assertCustomRolesInPlan(acting.trx, acting.tenant.id)
  const role = await lockRole(acting.trx, acting.tenant.id, id)
  const { before, after } = changedFields(role, input)
  if (role.is_system && ('name' in after || 'slug' in after)) {
    throw new ApiError(
      409,
      'SYSTEM_ROLE_LOCKED',
      `"${role.name}" is a built-in role: its name and slug cannot change. Create a custom role instead.`
    )
  }
  if (role.slug === 'owner' && 'permissions' in after) {
    throw new ApiError(
      409,
      'OWNER_ROLE_LOCKED',
      'The owner role always holds every permission, so that an account can never lock itself out.'
    )
  }
  if (typeof after.slug === 'string') await assertSlugFree(acting, after.slug)
  if (input.permissions) assertKnownPermissions(input.permissions, role)
  if (!Object.keys(after).length) return presentRole(role)

  const [updated] = await writingSlug(
    String(after.slug ?? role.slug),
    acting.trx
      .from('roles')
      .where('id', role.id)
      .update({ ...after, updated_at: new Date() })
      .returning(ROLE_COLUMNS)
  )
  await auditTeamChange(acting, {
    action: 'role.updated',
    subjectType: 'role',
    subjectId: role.id,
    before: { slug: role.slug, ...before },
    after,
  })
  // Cached actors carry both the permissions and the slugs of their roles.
  if ('permissions' in after || 'slug' in after) await forgetHolders(acting, role.id)
  return presentRole(updated)
}

export async function deleteRole(acting: Acting, id: string) {
  const role = await lockRole(acting.trx, acting.tenant.id, id)
  if (role.is_system) {
    throw new ApiError(
      409,
      'SYSTEM_ROLE_LOCKED',
      `"${role.name}" is a built-in role and cannot be deleted. You can change its permissions instead.`
    )
  }
  const holders = await holdersOf(acting.trx, role.id)
  if (holders.length) {
    const who = holders.length === 1 ? '1 user still holds' : `${holders.length} users still hold`
    throw new ApiError(
      409,
      'ROLE_IN_USE',
      `${who} the role "${role.name}". Give them another role first, then delete it.`
    )
  }
  await acting.trx.from('roles').where('id', role.id).delete()
  await auditTeamChange(acting, {
    action: 'role.deleted',
    subjectType: 'role',
    subjectId: role.id,
    before: { slug: role.slug, name: role.name, permissions: role.permissions },
  })
}
