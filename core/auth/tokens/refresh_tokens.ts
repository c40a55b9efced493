import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { ApiError } from '../../http/api_error.js'
import { recordAudit } from '../../audit/audit_log.js'
import { platformDb } from '../../tenancy/tenant_db.js'

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600
const TOKEN_BYTES = 32
// 32 random bytes in base64url; anything else is rejected before touching the database.
const TOKEN_SHAPE = /^[\w-]{43}$/

export interface ClientContext {
  ip?: string
  userAgent?: string
}

export interface IssuedRefreshToken {
  /** The only time the raw value exists: hand it to the client, never store or log it. */
  token: string
  id: string
  familyId: string
  userId: string
  tenantId: string | null
  expiresAt: Date
}

interface TokenRow {
  id: string
  user_id: string
  tenant_id: string | null
  family_id: string
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

const invalid = () =>
  new ApiError(
    401,
    'REFRESH_TOKEN_INVALID',
    'The refresh token is unknown, expired or signed out. Sign in again.'
  )

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Every use swaps the
 * token for a new one of the same family (one family per sign-in); a token
 * presented twice means a copy is in someone else's hands, so the whole
 * family is revoked and both holders must sign in again.
 *
 * Runs on the platform connection: a refresh token is presented before any
 * tenant is known (it is what identifies the user), and super admins have no
 * tenant at all, so row-level security could never let these rows through.
 */
export class RefreshTokenService {
  #clock: () => Date

  constructor(options: { clock?: () => Date } = {}) {
    this.#clock = options.clock ?? (() => new Date())
  }

  /** Starts a new family (a sign-in). */
  issue(userId: string, tenantId: string | null, context: ClientContext = {}) {
    return this.#insert(platformDb(), { userId, tenantId, familyId: randomUUID() }, context)
  }

  /** Swaps a valid token for its successor; REFRESH_TOKEN_REUSED or REFRESH_TOKEN_INVALID otherwise. */
  async rotate(presented: string, context: ClientContext = {}): Promise<IssuedRefreshToken> {
    if (!TOKEN_SHAPE.test(presented)) throw invalid()
    const hash = hashOf(presented)
    const now = this.#clock()

    const next = await platformDb().transaction(async (trx) => {
      // Claiming with a conditional UPDATE: of two concurrent rotations the second
      // waits on the row lock, then finds used_at set and claims nothing.
      const claimed = (
        await trx.rawQuery(
          `UPDATE refresh_tokens SET used_at = ?
           WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
           RETURNING id, user_id, tenant_id, family_id`,
          [now, hash, now]
        )
      ).rows[0] as TokenRow | undefined
      if (!claimed) return undefined
      const successor = await this.#insert(
        trx,
        { userId: claimed.user_id, tenantId: claimed.tenant_id, familyId: claimed.family_id },
        context
      )
      await trx.from('refresh_tokens').where('id', claimed.id).update({ replaced_by: successor.id })
      return successor
    })
    if (next) return next

    const row = await platformDb()
      .from('refresh_tokens')
      .where('token_hash', hash)
      .select('id', 'user_id', 'tenant_id', 'family_id', 'used_at')
      .first()
    if (!row?.used_at) throw invalid()

    const revoked = await this.#revokeWhere({ family_id: row.family_id }, 'reuse_detected')
    await recordAudit({
      tenantId: row.tenant_id,
      actor: 'system:refresh_tokens',
      action: 'auth.refresh_token_reused',
      subjectType: 'user',
      subjectId: row.user_id,
      after: { familyId: row.family_id, revokedTokens: revoked },
      ip: context.ip,
      userAgent: context.userAgent,
    })
    throw new ApiError(
      401,
      'REFRESH_TOKEN_REUSED',
      'This refresh token was already used, so every session of that sign-in has been signed out to be safe. Sign in again.'
    )
  }

  /** Logout: revokes the presented token's whole family. False when the token is unknown. */
  async revokeFamily(presented: string, reason = 'logout'): Promise<boolean> {
    if (!TOKEN_SHAPE.test(presented)) return false
    const row = await platformDb()
      .from('refresh_tokens')
      .where('token_hash', hashOf(presented))
      .select('family_id')
      .first()
    if (!row) return false
    await this.#revokeWhere({ family_id: row.family_id }, reason)
    return true
  }

  /** Signs a user out everywhere (password change, deactivation). Returns how many tokens were revoked. */
  revokeAllForUser(userId: string, reason = 'revoked_all'): Promise<number> {
    return this.#revokeWhere({ user_id: userId }, reason)
  }

  async #revokeWhere(where: { family_id: string } | { user_id: string }, reason: string) {
    const rows = await platformDb()
      .from('refresh_tokens')
      .where(where)
      .whereNull('revoked_at')
      .update({ revoked_at: this.#clock(), revoked_reason: reason.slice(0, 40) }, ['id'])
    return rows.length
  }

  async #insert(
    client: QueryClientContract,
    owner: { userId: string; tenantId: string | null; familyId: string },
    context: ClientContext
  ): Promise<IssuedRefreshToken> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url')
    const expiresAt = new Date(this.#clock().getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000)
    const [row] = await client
      .insertQuery()
      .table('refresh_tokens')
      .insert({
        user_id: owner.userId,
        tenant_id: owner.tenantId,
        family_id: owner.familyId,
        token_hash: hashOf(token),
        expires_at: expiresAt,
        created_ip: context.ip?.slice(0, 64) ?? null,
        user_agent: context.userAgent?.slice(0, 300) ?? null,
        created_at: this.#clock(),
      })
      .returning('id')
    return { token, id: row.id, ...owner, expiresAt }
  }
}

/** The process-wide service on the wall clock. */
const refreshTokens = new RefreshTokenService()
export default refreshTokens
