import { randomUUID } from 'node:crypto'
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose'
import env from '#start/env'
import { ApiError } from '../../http/api_error.js'
import { configuredTokenKeys, type TokenKeys } from './keys.js'

export const ACCESS_TOKEN_TTL_SECONDS = 900
/** RFC 9068 type: keeps any other JWT signed with the same key from passing as an access token. */
const TOKEN_TYPE = 'at+jwt'

export interface AccessTokenInput {
  userId: string
  /** null for platform super admins */
  tenantId: string | null
  roleIds: string[]
  features: string[]
  permissions?: string[]
  /** Set while a super admin acts as a tenant user, so every action stays attributable. */
  impersonatorId?: string
}

export interface AccessTokenClaims {
  sub: string
  user_id: string
  tenant_id: string | null
  role_ids: string[]
  features: string[]
  permissions?: string[]
  impersonator_id?: string
  iss: string
  iat: number
  exp: number
  jti: string
}

export interface AccessTokenOptions {
  issuer?: string
  /** Injected so tests can mint tokens in the past; defaults to the wall clock. */
  clock?: () => Date
}

/** Signs and checks RS256 access tokens with one key pair. */
export class AccessTokenService {
  readonly issuer: string
  #clock: () => Date

  constructor(
    readonly keys: TokenKeys,
    options: AccessTokenOptions = {}
  ) {
    this.issuer = options.issuer ?? 'isp-platform'
    this.#clock = options.clock ?? (() => new Date())
  }

  async sign(input: AccessTokenInput): Promise<{ token: string; expiresIn: number }> {
    const now = Math.floor(this.#clock().getTime() / 1000)
    const claims: Record<string, unknown> = {
      user_id: input.userId,
      tenant_id: input.tenantId,
      role_ids: input.roleIds,
      features: input.features,
    }
    if (input.permissions) claims.permissions = input.permissions
    if (input.impersonatorId) claims.impersonator_id = input.impersonatorId

    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: TOKEN_TYPE, kid: this.keys.kid })
      .setSubject(input.userId)
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.keys.privateKey)
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS }
  }

  /** The token's claims, or a 401 ApiError: TOKEN_EXPIRED (refresh it) or TOKEN_INVALID (sign in again). */
  async verify(token: string): Promise<AccessTokenClaims> {
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, this.keys.publicKey, {
        // Pinning the algorithm is what stops "none" and HS256-with-the-public-key forgeries.
        algorithms: ['RS256'],
        issuer: this.issuer,
        typ: TOKEN_TYPE,
        requiredClaims: ['sub', 'iat', 'exp', 'jti'],
        currentDate: this.#clock(),
      }))
    } catch (error) {
      // jose checks the signature before the dates, so only a genuine token can be "expired".
      if (error instanceof errors.JWTExpired) {
        throw new ApiError(
          401,
          'TOKEN_EXPIRED',
          'The access token has expired. Get a new one with your refresh token.'
        )
      }
      throw invalid(reasonOf(error))
    }
    const claims = readClaims(payload)
    if (!claims) throw invalid('its claims are incomplete')
    return claims
  }
}

function invalid(reason: string) {
  return new ApiError(
    401,
    'TOKEN_INVALID',
    `The access token is not valid (${reason}). Sign in again.`
  )
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEAlgNotAllowed) return 'only RS256 tokens are accepted'
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the signature does not match'
  if (error instanceof errors.JWTClaimValidationFailed) return `the "${error.claim}" claim is wrong`
  return 'it is malformed'
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/** Narrows a verified payload to our claims; a token missing one is treated as forged. */
function readClaims(payload: JWTPayload): AccessTokenClaims | undefined {
  const p = payload as Record<string, unknown>
  const ok =
    typeof p.sub === 'string' &&
    p.user_id === p.sub &&
    (p.tenant_id === null || typeof p.tenant_id === 'string') &&
    isStringList(p.role_ids) &&
    isStringList(p.features) &&
    (p.permissions === undefined || isStringList(p.permissions)) &&
    (p.impersonator_id === undefined || typeof p.impersonator_id === 'string') &&
    typeof p.iss === 'string' &&
    typeof p.jti === 'string'
  return ok ? (p as unknown as AccessTokenClaims) : undefined
}

let shared: AccessTokenService | undefined

/** The service signing with the environment's keys. */
export async function accessTokens(): Promise<AccessTokenService> {
  const keys = await configuredTokenKeys()
  if (shared?.keys !== keys) {
    shared = new AccessTokenService(keys, { issuer: env.get('JWT_ISSUER') })
  }
  return shared
}

export async function signAccessToken(input: AccessTokenInput) {
  return (await accessTokens()).sign(input)
}

export async function verifyAccessToken(token: string) {
  return (await accessTokens()).verify(token)
}
