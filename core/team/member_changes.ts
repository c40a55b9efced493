import hash from '@adonisjs/core/services/hash'
import { ApiError } from '../http/api_error.js'
import kernel from '../services/kernel.js'
import refreshTokens from '../auth/tokens/refresh_tokens.js'
import { platformDb } from '../tenancy/tenant_db.js'
import { auditTeamChange, changedFields, isOwner, type Acting } from './acting.js'
import { ensureInvestorRole, INVESTOR_ROLE_SLUG } from './investor_role.js'
import { findMember, lockMember, otherActiveOwners, presentMember } from './member_queries.js'
import { rolesBySlug } from './role_queries.js'

export interface NewMember {
  email: string
  fullName: string
  phone?: string | null
  password: string
  roles?: string[]
  investor?: boolean
}

export interface MemberChange {
  fullName?: string
  phone?: string | null
  roles?: string[]
  status?: 'active' | 'deactivated'
}

const emailTaken = () =>
  ApiError.unprocessable([
    { field: 'email', message: 'This email is already used by another account', rule: 'unique' },
  ])

const ownerOnly = (message: string) => new ApiError(403, 'OWNER_ONLY', message)

/** The roles a new member gets: the ones asked for, or the investor role alone. */
async function rolesForNewMember(acting: Acting, input: NewMember) {
  if (input.investor) {
    if (input.roles?.some((slug) => slug !== INVESTOR_ROLE_SLUG)) {
      throw ApiError.unprocessable([
        {
          field: 'roles',
          message: 'An investor account holds only the read-only investor role; leave roles out',
          rule: 'investor',
        },
      ])
    }
    await ensureInvestorRole(acting.trx, acting.tenant.id)
    return [INVESTOR_ROLE_SLUG]
  }
  if (!input.roles?.length) {
    throw ApiError.unprocessable([
      { field: 'roles', message: 'Give the new member at least one role', rule: 'required' },
    ])
  }
  return input.roles
}

async function setRoles(acting: Acting, userId: string, roles: { id: string }[]) {
  await acting.trx.from('user_roles').where('user_id', userId).delete()
  const rows = roles.map((role) => ({
    tenant_id: acting.tenant.id,
    user_id: userId,
    role_id: role.id,
  }))
  if (rows.length) await acting.trx.insertQuery().table('user_roles').multiInsert(rows)
}

export async function createMember(acting: Acting, input: NewMember) {
  // Emails are unique across the platform, and row-level security hides other
  // tenants' users: only the owner connection can tell whether one is taken.
  const taken = await platformDb()
    .from('users')
    .whereRaw('email = ?::citext', [input.email])
    .first()
  if (taken) throw emailTaken()

  const slugs = await rolesForNewMember(acting, input)
  if (slugs.includes('owner') && !isOwner(acting.actor)) {
    throw ownerOnly('Only an owner can make someone an owner.')
  }
  const roles = await rolesBySlug(acting.trx, acting.tenant.id, slugs)
  const parentUserId = input.investor ? acting.actor.userId : null

  let user: { id: string }
  try {
    ;[user] = await acting.trx
      .insertQuery()
      .table('users')
      .insert({
        tenant_id: acting.tenant.id,
        email: input.email,
        password: await hash.make(input.password),
        full_name: input.fullName,
        phone: input.phone ?? null,
        parent_user_id: parentUserId,
      })
      .returning(['id'])
  } catch (error) {
    // Another request took the email between the check and the insert.
    if ((error as { code?: string }).code === '23505') throw emailTaken()
    throw error
  }
  await setRoles(acting, user.id, roles)
  await auditTeamChange(acting, {
    action: 'user.created',
    subjectType: 'user',
    subjectId: user.id,
    after: {
      email: input.email,
      fullName: input.fullName,
      phone: input.phone ?? null,
      roles: slugs,
      ...(input.investor ? { investor: true, parentUserId } : {}),
    },
  })
  return presentMember(await findMember(acting.trx, acting.tenant.id, user.id))
}

export async function updateMember(acting: Acting, id: string, change: MemberChange) {
  const { actor, trx, tenant } = acting
  const member = await lockMember(trx, tenant.id, id)
  // Sorted in JS on both sides: the database's collation may order slugs differently.
  const currentRoles = [...member.roles].sort()
  const nextRoles = change.roles ? [...change.roles].sort() : currentRoles
  const roleRows = change.roles ? await rolesBySlug(trx, tenant.id, nextRoles) : []
  const wasOwner = member.roles.includes('owner')
  if ((wasOwner || nextRoles.includes('owner')) && !isOwner(actor)) {
    throw ownerOnly(
      wasOwner
        ? 'Only an owner can change an owner’s account.'
        : 'Only an owner can make someone an owner.'
    )
  }
  if (change.status === 'deactivated' && member.id === actor.userId) {
    throw new ApiError(
      409,
      'CANNOT_DEACTIVATE_SELF',
      'You cannot deactivate your own account. Ask another owner or admin to do it.'
    )
  }
  const staysActiveOwner =
    (change.status ?? member.status) === 'active' && nextRoles.includes('owner')
  if (wasOwner && member.status === 'active' && !staysActiveOwner) {
    if ((await otherActiveOwners(trx, tenant.id, member.id)) === 0) {
      throw new ApiError(
        409,
        'LAST_OWNER',
        `${member.full_name} is the only active owner. Make another member an owner first, so the account keeps someone who can manage it.`
      )
    }
  }

  const current = {
    fullName: member.full_name,
    phone: member.phone,
    status: member.status,
    roles: currentRoles,
  }
  const { before, after } = changedFields(current, { ...change, roles: change.roles && nextRoles })
  if (!Object.keys(after).length) return presentMember(member)

  const columns: Record<string, unknown> = {}
  if ('fullName' in after) columns.full_name = after.fullName
  if ('phone' in after) columns.phone = after.phone
  if ('status' in after) columns.status = after.status
  await trx
    .from('users')
    .where('id', member.id)
    .update({ ...columns, updated_at: new Date() })
  if ('roles' in after) await setRoles(acting, member.id, roleRows)
  await auditTeamChange(acting, {
    action: 'user.updated',
    subjectType: 'user',
    subjectId: member.id,
    before: { email: member.email, ...before },
    after,
  })

  const deactivated = after.status === 'deactivated'
  acting.afterCommit(async () => {
    // A deactivated member is signed out everywhere; refresh tokens alone would
    // otherwise keep minting access tokens until they expire.
    if (deactivated) await refreshTokens.revokeAllForUser(member.id, 'deactivated')
    await kernel.actors.forget(member.id)
  })
  return presentMember(await findMember(trx, tenant.id, member.id))
}
