import { createHash, randomBytes } from 'node:crypto'
import hash from '@adonisjs/core/services/hash'
import logger from '@adonisjs/core/services/logger'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import kernel from '../services/kernel.js'
import { recordAudit } from '../audit/audit_log.js'
import { ApiError } from '../http/api_error.js'
import { platformDb } from '../tenancy/tenant_db.js'
import { clearLoginFailures } from './login_throttle.js'
import refreshTokens from './tokens/refresh_tokens.js'

export const RESET_TOKEN_TTL_MINUTES = 60
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 200

// 32 random bytes in base64url; anything else is rejected before touching the database.
const TOKEN_SHAPE = /^[\w-]{43}$/

export interface ResetRequestContext {
  ip: string
  /** The requester's language (e.g. from Accept-Language); the account's own locale wins. */
  locale?: string | null
  userAgent?: string
  requestId?: string
}

export interface ResetContext {
  ip?: string
  userAgent?: string
  requestId?: string
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/*
 * Every request counts, known email or not, so that hitting the limit says
 * nothing about whether an account exists. Per email: a mailbox cannot be
 * flooded; per address: one client cannot sweep through many emails.
 */
const perEmail = () => limiter.use({ requests: 3, duration: '15 mins', blockDuration: '15 mins' })
const perAddress = () =>
  limiter.use({ requests: 20, duration: '15 mins', blockDuration: '15 mins' })

async function consumeRequestAllowance(email: string, ip: string) {
  for (const [limit, key] of [
    [perAddress(), `password_reset:ip:${ip}`],
    [perEmail(), `password_reset:email:${email}`],
  ] as const) {
    try {
      await limit.consume(key)
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      const minutes = Math.max(1, Math.ceil(error.response.availableIn / 60))
      throw new ApiError(
        429,
        'PASSWORD_RESET_THROTTLED',
        `Too many password reset requests. Check your inbox for the link already sent, or try again in ${minutes} minute(s).`
      )
    }
  }
}

interface ResetEmail {
  fullName: string
  link: string
  minutes: number
  locale?: string | null
}

/** Plain text in Indonesian and English; the reader's language comes first. */
function resetEmail({ fullName, link, minutes, locale }: ResetEmail) {
  const indonesian = [
    `Halo ${fullName},`,
    '',
    `Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda. Buka tautan berikut dalam ${minutes} menit untuk membuat kata sandi baru:`,
    '',
    link,
    '',
    'Tautan ini hanya dapat dipakai sekali. Jika Anda tidak meminta ini, abaikan email ini; kata sandi Anda tidak berubah.',
  ]
  const english = [
    `Hello ${fullName},`,
    '',
    `We received a request to reset the password of your account. Open this link within ${minutes} minutes to choose a new password:`,
    '',
    link,
    '',
    'The link works only once. If you did not ask for this, ignore this email; your password stays the same.',
  ]
  const sections = locale?.toLowerCase().startsWith('en')
    ? [english, indonesian]
    : [indonesian, english]
  return {
    subject: 'Atur ulang kata sandi / Reset your password',
    text: sections.map((lines) => lines.join('\n')).join('\n\n---\n\n') + '\n',
  }
}

function appUrl() {
  return env.get('APP_URL').replace(/\/+$/, '')
}

/**
 * Emails a one-time link to reset the password of the active account with
 * this email, if there is one. Resolves the same way whether or not there
 * is: the caller must not be able to tell.
 */
export async function requestReset(email: string, context: ResetRequestContext): Promise<void> {
  const address = email.trim().toLowerCase()
  await consumeRequestAllowance(address, context.ip)

  const user = await platformDb()
    .from('users')
    .whereRaw('email = ?::citext', [address])
    .where('status', 'active')
    .select('id', 'email', 'full_name', 'locale', 'tenant_id')
    .first()
  if (!user) return

  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  await platformDb().transaction(async (trx) => {
    // Only the newest link works: an older email left in an inbox stops being a way in.
    await trx.from('password_reset_tokens').where('user_id', user.id).whereNull('used_at').delete()
    await trx
      .insertQuery()
      .table('password_reset_tokens')
      .insert({
        user_id: user.id,
        token_hash: hashOf(token),
        expires_at: new Date(now.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000),
        created_ip: context.ip.slice(0, 64),
        created_at: now,
      })
    await recordAudit(
      {
        tenantId: user.tenant_id,
        actor: 'anonymous',
        action: 'auth.password_reset_requested',
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
        userAgent: context.userAgent,
        requestId: context.requestId,
      },
      trx
    )
  })

  const message = resetEmail({
    fullName: user.full_name,
    link: `${appUrl()}/reset-password?token=${token}`,
    minutes: RESET_TOKEN_TTL_MINUTES,
    locale: user.locale ?? context.locale,
  })
  // Not awaited: waiting on the relay would make a known email answer
  // measurably slower than an unknown one.
  mail
    .send((m) => {
      m.to(user.email, user.full_name).subject(message.subject).text(message.text)
    })
    .catch((error) =>
      logger.error(
        { err: error, userId: user.id },
        'MAIL_SEND_FAILED: the password reset email could not be handed to the SMTP relay'
      )
    )
}

function assertPasswordRule(password: string) {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw ApiError.unprocessable([
      {
        field: 'password',
        message: `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
        rule: 'length',
      },
    ])
  }
}

const invalidToken = () =>
  new ApiError(
    400,
    'RESET_TOKEN_INVALID',
    'This password reset link is invalid, expired or already used. Ask for a new one with "Forgot password".'
  )

interface ClaimedToken {
  user_id: string
  tenant_id: string | null
  email: string
}

/**
 * Sets a new password with a token from a reset email. The token works once;
 * afterwards every session of the account is signed out, since whoever knew
 * the old password may still hold one.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  context: ResetContext = {}
) {
  assertPasswordRule(newPassword)
  if (!TOKEN_SHAPE.test(token)) throw invalidToken()
  const now = new Date()

  const claimed = await platformDb().transaction(async (trx) => {
    // A conditional UPDATE claims the token: of two concurrent resets, the
    // second waits on the row lock, then finds used_at set and claims nothing.
    const row = (
      await trx.rawQuery(
        `UPDATE password_reset_tokens t SET used_at = ?
         FROM users u
         WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > ?
           AND u.id = t.user_id AND u.status = 'active'
         RETURNING t.user_id, u.tenant_id, u.email`,
        [now, hashOf(token), now]
      )
    ).rows[0] as ClaimedToken | undefined
    if (!row) return undefined
    await trx
      .from('users')
      .where('id', row.user_id)
      .update({ password: await hash.make(newPassword), updated_at: now })
    return row
  })
  if (!claimed) throw invalidToken()

  const revoked = await refreshTokens.revokeAllForUser(claimed.user_id, 'password_reset')
  await kernel.actors.forget(claimed.user_id)
  // Someone locked out by failed sign-ins, who just proved they own the mailbox, may sign in at once.
  await clearLoginFailures(claimed.email)
  await recordAudit({
    tenantId: claimed.tenant_id,
    actor: `user:${claimed.user_id}`,
    action: 'auth.password_reset',
    subjectType: 'user',
    subjectId: claimed.user_id,
    after: { revokedRefreshTokens: revoked },
    ip: context.ip,
    userAgent: context.userAgent,
    requestId: context.requestId,
  })
}
