import { configuredTokenKeys, type TokenKeys } from './keys.js'

export interface PublicJwk {
  kty: string
  n: string
  e: string
  alg: 'RS256'
  use: 'sig'
  kid: string
}

/**
 * The public keys that check our access tokens, for `/.well-known/jwks.json`.
 * Only the public modulus and exponent leave the server.
 */
export function jwksDocument(keys: TokenKeys): { keys: PublicJwk[] } {
  const { kty, n, e } = keys.publicJwk
  return { keys: [{ kty: kty!, n: n!, e: e!, alg: 'RS256', use: 'sig', kid: keys.kid }] }
}

/** The document for the keys configured in the environment. */
export async function publicJwks() {
  return jwksDocument(await configuredTokenKeys())
}
