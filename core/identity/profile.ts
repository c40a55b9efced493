import hash from '@adonisjs/core/services/hash'
import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '../http/api_error.js'
import kernel from '../services/kernel.js'
import { recordAudit } from '../audit/audit_log.js'
import { platformDb } from '../tenancy/tenant_db.js'
import refreshTokens from '../auth/tokens/refresh_tokens.js'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password_reset.js'
import type { Actor } from './actor.js'

type Request = HttpContext['request']

export const profileValidator = vine.create(
  vine.object({
    fullName: vine.string().trim().minLength(1).maxLength(120),
  })
)

export const localeValidator = vine.create(
  vine.object({ locale: vine.enum(['id', 'en'] as const) })
)

export const changePasswordValidator = vine.create(
  vine.object({
    currentPassword: vine.string().minLength(1).maxLength(PASSWORD_MAX_LENGTH),
    password: vine
      .string()
      .minLength(PASSWORD_MIN_LENGTH)
      .maxLength(PASSWORD_MAX_LENGTH)
      .confirmed({ as: 'passwordConfirmation' }),
  })
)

/** The signed-in user's own record as the profile page shows it. */
export async function readProfile(actor: Actor) {
  const user = await platformDb()
    .from('users')
    .where('id', actor.userId)
    .select('email', 'full_name', 'phone', 'locale', 'last_login_at')
    .first()
  if (!user) throw new ApiError(404, 'USER_NOT_FOUND', 'This user is not a member of your team.')
  return {
    email: user.email as string,
    fullName: user.full_name as string,
    phone: user.phone as string | null,
    locale: (user.locale as string | null) ?? null,
    roles: actor.roleSlugs,
    lastLoginAt: user.last_login_at as Date | null,
  }
}

interface Requester {
  ip: string
  userAgent?: string
  requestId?: string
}

const requesterOf = (request: Request): Requester => ({
  ip: request.ip(),
  userAgent: request.header('user-agent'),
  requestId: request.id(),
})

/**
 * A person changes only their own row (by their user id, on the owner
 * connection: a super admin acting in a tenant has no row there). Audited in
 * the tenant the change was made from.
 */
async function changeOwnRow(
  actor: Actor,
  request: Request,
  columns: Record<string, unknown>,
  audit: { action: string; before?: object; after?: object }
) {
  await platformDb().transaction(async (trx) => {
    await trx
      .from('users')
      .where('id', actor.userId)
      .update({ ...columns, updated_at: new Date() })
    const who = requesterOf(request)
    await recordAudit(
      {
        tenantId: actor.tenantId,
        actor: actor.impersonatorId
          ? `super_admin:${actor.impersonatorId}`
          : `user:${actor.userId}`,
        action: audit.action,
        subjectType: 'user',
        subjectId: actor.userId,
        before: audit.before,
        after: audit.after,
        ...who,
      },
      trx
    )
  })
  // Cached actors carry the name and the language.
  await kernel.actors.forget(actor.userId)
}

export async function updateProfile(actor: Actor, request: Request, fullName: string) {
  if (fullName === actor.fullName) return
  await changeOwnRow(
    actor,
    request,
    { full_name: fullName },
    { action: 'user.profile_updated', before: { fullName: actor.fullName }, after: { fullName } }
  )
}

/** The language that follows the user to every device (panel and server messages). */
export async function setPreferredLocale(actor: Actor, request: Request, locale: 'id' | 'en') {
  if (actor.locale === locale) return
  await changeOwnRow(
    actor,
    request,
    { locale },
    {
      action: 'user.locale_changed',
      before: { locale: actor.locale ?? null },
      after: { locale },
    }
  )
}

/**
 * A new password, proven by the current one. Other sign-ins (API refresh
 * tokens) end: whoever knew the old password may hold one.
 */
export async function changePassword(
  actor: Actor,
  request: Request,
  input: { currentPassword: string; password: string }
) {
  const row = await platformDb().from('users').where('id', actor.userId).select('password').first()
  if (!row || !(await hash.verify(row.password, input.currentPassword))) {
    throw ApiError.unprocessable([
      { field: 'currentPassword', message: 'The current password is incorrect', rule: 'current' },
    ])
  }
  await changeOwnRow(
    actor,
    request,
    { password: await hash.make(input.password) },
    { action: 'user.password_changed' }
  )
  await refreshTokens.revokeAllForUser(actor.userId, 'password_changed')
}
