import kernel from '../services/kernel.js'
import { platformDb } from '../tenancy/tenant_db.js'
import { ApiError } from '../http/api_error.js'
import { signAccessToken } from './tokens/access_tokens.js'
import refreshTokens from './tokens/refresh_tokens.js'
import type { ClientContext } from './tokens/refresh_tokens.js'

export interface TokenPair {
  accessToken: string
  refreshToken: string
  expiresIn: number
  tokenType: 'Bearer'
}

/** Enabled feature names of a tenant (jsonb `{ feature: true }` or a list). */
async function featuresOf(tenantId: string | null): Promise<string[]> {
  if (!tenantId) return []
  const row = await platformDb().from('tenants').where('id', tenantId).select('features').first()
  const features = row?.features ?? {}
  return Array.isArray(features) ? features : Object.keys(features).filter((key) => features[key])
}

async function accessTokenFor(userId: string) {
  const actor = await kernel.actors.get(userId)
  if (!actor)
    throw new ApiError(
      401,
      'ACCOUNT_INACTIVE',
      'This account is deactivated. Contact your administrator.'
    )
  return signAccessToken({
    userId,
    tenantId: actor.tenantId,
    roleIds: actor.roleIds,
    features: await featuresOf(actor.tenantId),
    permissions: actor.permissions,
  })
}

/** A new sign-in: an access token and the first refresh token of a new family. */
export async function signIn(
  userId: string,
  tenantId: string | null,
  client: ClientContext
): Promise<TokenPair> {
  const access = await accessTokenFor(userId)
  const first = await refreshTokens.issue(userId, tenantId, client)
  return {
    accessToken: access.token,
    refreshToken: first.token,
    expiresIn: access.expiresIn,
    tokenType: 'Bearer',
  }
}

/** Swaps a refresh token; the user is looked up again, so a deactivated user gets nothing. */
export async function refresh(presented: string, client: ClientContext): Promise<TokenPair> {
  const next = await refreshTokens.rotate(presented, client)
  try {
    const access = await accessTokenFor(next.userId)
    return {
      accessToken: access.token,
      refreshToken: next.token,
      expiresIn: access.expiresIn,
      tokenType: 'Bearer',
    }
  } catch (error) {
    await refreshTokens.revokeFamily(next.token, 'account_inactive')
    throw error
  }
}
