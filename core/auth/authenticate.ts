import type { HttpContext } from '@adonisjs/core/http'
import { verifyAccessToken } from './tokens/access_tokens.js'
import type { AccessTokenClaims } from './tokens/access_tokens.js'
import { ApiError } from '../http/api_error.js'
import kernel from '../services/kernel.js'
import type { Actor } from '../identity/actor.js'
import { adoptUserLocale } from '../http/request_locale.js'

/**
 * Verified tokens, remembered until they expire: an RSA verification per
 * request would cost more than the rest of the request chain. Bounded, and
 * a token only enters after a full verification.
 */
const verified = new Map<string, AccessTokenClaims>()
const MAX_REMEMBERED = 10_000

/** A remembered, unexpired verification, without a promise (the request hot path). */
function knownClaims(token: string): AccessTokenClaims | undefined {
  const known = verified.get(token)
  return known && known.exp * 1000 > Date.now() ? known : undefined
}

async function verifyAndRemember(token: string): Promise<AccessTokenClaims> {
  const claims = await verifyAccessToken(token)
  if (verified.size >= MAX_REMEMBERED) verified.delete(verified.keys().next().value!)
  verified.set(token, claims)
  return claims
}

/**
 * The actor of a request: from a bearer access token (API clients), else
 * from the panel session. Null when the request carries neither.
 */
export async function authenticate(ctx: HttpContext): Promise<Actor | null> {
  if (ctx.actor !== undefined) return ctx.actor
  const header = ctx.request.header('authorization')
  let actor: Actor | null = null
  if (header?.toLowerCase().startsWith('bearer ')) {
    const token = header.slice(7).trim()
    const claims = knownClaims(token) ?? (await verifyAndRemember(token))
    actor = kernel.actors.peek(claims.user_id) ?? (await kernel.actors.get(claims.user_id))
    if (!actor)
      throw new ApiError(
        401,
        'ACCOUNT_INACTIVE',
        'This account is deactivated. Contact your administrator.'
      )
    if (claims.impersonator_id && actor.isSuperAdmin) {
      actor = { ...actor, tenantId: claims.tenant_id, impersonatorId: claims.impersonator_id }
    }
  } else {
    const userId = ctx.session?.get('user_id') as string | undefined
    if (userId) {
      actor = await kernel.actors.get(userId)
      const impersonating = ctx.session.get('impersonating_tenant_id') as string | undefined
      if (actor?.isSuperAdmin && impersonating) {
        actor = { ...actor, tenantId: impersonating, impersonatorId: actor.userId }
      }
    }
  }
  ctx.actor = actor
  if (actor) await adoptActorLocale(ctx, actor, !header?.toLowerCase().startsWith('bearer '))
  return actor
}

/** Server messages in the signed-in user's language (see adoptUserLocale). */
async function adoptActorLocale(ctx: HttpContext, actor: Actor, viaSession: boolean) {
  let tenantLocale: string | null | undefined
  // The account's language matters only to a panel user who never picked one.
  if (viaSession && !actor.locale && actor.tenantId) {
    const tenant =
      kernel.tenants.peekById(actor.tenantId) ?? (await kernel.tenants.byId(actor.tenantId))
    tenantLocale = tenant?.locale
  }
  adoptUserLocale(ctx, actor, { viaSession, tenantLocale })
}

export async function requireActor(ctx: HttpContext): Promise<Actor> {
  const actor = await authenticate(ctx)
  if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in to continue.')
  return actor
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** Who made the request; undefined until authenticated, null when anonymous */
    actor?: Actor | null
  }
}
