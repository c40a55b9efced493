import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto'
import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  calculateJwkThumbprint,
  exportJWK,
  importPKCS8,
  importSPKI,
  type CryptoKey,
  type JWK,
} from 'jose'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

/** The RS256 pair that signs API access tokens, ready for jose. */
export interface TokenKeys {
  privateKey: CryptoKey
  publicKey: CryptoKey
  publicJwk: JWK
  /** RFC 7638 thumbprint of the public key: changes only when the key does. */
  kid: string
}

export type KeySettings = Partial<
  Record<
    'JWT_PRIVATE_KEY' | 'JWT_PUBLIC_KEY' | 'JWT_PRIVATE_KEY_FILE' | 'JWT_PUBLIC_KEY_FILE',
    string
  >
>

/** Keys missing, unreadable or not an RSA pair; the message names the variable to fix. */
export class TokenKeyError extends Error {
  readonly code = 'JWT_KEYS_UNAVAILABLE'
}

const MIN_MODULUS_BITS = 2048
const GENERATE_HINT = 'Run "node ace auth:keys" to generate a development key pair.'

export function keySettingsFromEnv(): KeySettings {
  return {
    JWT_PRIVATE_KEY: env.get('JWT_PRIVATE_KEY'),
    JWT_PUBLIC_KEY: env.get('JWT_PUBLIC_KEY'),
    JWT_PRIVATE_KEY_FILE: env.get('JWT_PRIVATE_KEY_FILE'),
    JWT_PUBLIC_KEY_FILE: env.get('JWT_PUBLIC_KEY_FILE'),
  }
}

/**
 * Loads the pair from PEM text in the environment, or else from files
 * (relative to `appRoot`). Refuses a public key that is not the private key's
 * pair: tokens would be signed fine and then fail everywhere they are checked.
 */
export async function loadTokenKeys(
  settings: KeySettings = keySettingsFromEnv(),
  appRoot: string | URL = app.appRoot
): Promise<TokenKeys> {
  const root = typeof appRoot === 'string' ? appRoot : fileURLToPath(appRoot)
  const privatePem = await readPem(settings, 'JWT_PRIVATE_KEY', root)
  const publicPem = await readPem(settings, 'JWT_PUBLIC_KEY', root)
  const privateObject = parse(privatePem, 'private')
  const publicObject = parse(publicPem, 'public')

  const derived = createPublicKey(privateObject.key).export({ format: 'jwk' })
  const given = publicObject.key.export({ format: 'jwk' })
  if (derived.n !== given.n || derived.e !== given.e) {
    throw new TokenKeyError(
      `${publicPem.source} is not the public half of ${privatePem.source}. Configure both keys from the same pair. ${GENERATE_HINT}`
    )
  }
  return tokenKeysFromPem(
    privateObject.key.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicObject.key.export({ format: 'pem', type: 'spki' }) as string
  )

  function parse(pem: { text: string; source: string }, kind: 'private' | 'public') {
    let key: KeyObject
    try {
      key = kind === 'private' ? createPrivateKey(pem.text) : createPublicKey(pem.text)
    } catch {
      throw new TokenKeyError(
        `${pem.source} does not hold a PEM ${kind} key (expected "-----BEGIN ${kind === 'private' ? 'PRIVATE' : 'PUBLIC'} KEY-----"). ${GENERATE_HINT}`
      )
    }
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
    if (key.asymmetricKeyType !== 'rsa' || bits < MIN_MODULUS_BITS) {
      throw new TokenKeyError(
        `${pem.source} holds a ${key.asymmetricKeyType ?? 'non-RSA'} key${bits ? ` of ${bits} bits` : ''}; RS256 needs an RSA key of at least ${MIN_MODULUS_BITS} bits.`
      )
    }
    return { key, source: pem.source }
  }
}

let configured: Promise<TokenKeys> | undefined

/** The environment's pair, loaded once per process; a failed load is retried on the next call. */
export function configuredTokenKeys(): Promise<TokenKeys> {
  configured ??= loadTokenKeys().catch((error) => {
    configured = undefined
    throw error
  })
  return configured
}

/** Builds the pair from PKCS#8 and SPKI PEM text (tests and callers that already hold the keys). */
export async function tokenKeysFromPem(privatePem: string, publicPem: string): Promise<TokenKeys> {
  const privateKey = await importPKCS8(privatePem, 'RS256')
  const publicKey = await importSPKI(publicPem, 'RS256', { extractable: true })
  const { kty, n, e } = await exportJWK(publicKey)
  const publicJwk: JWK = { kty, n, e }
  return {
    privateKey,
    publicKey,
    publicJwk,
    kid: await calculateJwkThumbprint(publicJwk, 'sha256'),
  }
}

async function readPem(
  settings: KeySettings,
  name: 'JWT_PRIVATE_KEY' | 'JWT_PUBLIC_KEY',
  root: string
): Promise<{ text: string; source: string }> {
  const inline = settings[name]?.trim()
  if (inline) {
    // One-line env values (containers, CI secrets) carry newlines as "\n".
    return { text: inline.replaceAll('\\n', '\n'), source: name }
  }
  const fileName = `${name}_FILE` as const
  const file = settings[fileName]?.trim()
  if (!file) {
    throw new TokenKeyError(
      `Neither ${name} nor ${fileName} is set: API tokens cannot be signed or checked. Set ${fileName} to a PEM file (e.g. storage/keys/${name.toLowerCase().replace(/_key$/, '')}.pem). ${GENERATE_HINT}`
    )
  }
  const path = isAbsolute(file) ? file : resolve(root, file)
  try {
    return { text: await readFile(path, 'utf8'), source: `${fileName} (${file})` }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new TokenKeyError(`${fileName}: cannot read ${path} (${reason}). ${GENERATE_HINT}`)
  }
}

export interface KeyPairPaths {
  privateKeyPath: string
  publicKeyPath: string
}

/**
 * Writes a fresh 2048-bit RS256 pair as PEM (private key readable by the owner
 * only). Leaves an existing pair alone unless `force`; refuses half a pair,
 * since generating only the missing half could never match the other.
 */
export async function generateDevKeyPair(
  paths: KeyPairPaths,
  options: { force?: boolean } = {}
): Promise<{ created: boolean }> {
  const [hasPrivate, hasPublic] = await Promise.all([
    exists(paths.privateKeyPath),
    exists(paths.publicKeyPath),
  ])
  if (!options.force && hasPrivate && hasPublic) return { created: false }
  if (!options.force && hasPrivate !== hasPublic) {
    const [present, missing] = hasPrivate
      ? [paths.privateKeyPath, paths.publicKeyPath]
      : [paths.publicKeyPath, paths.privateKeyPath]
    throw new TokenKeyError(
      `${present} exists but ${missing} does not: half a key pair cannot be completed. Generate a new pair with --force (tokens signed with the old key stop working).`
    )
  }

  const pair = await promisify(generateKeyPair)('rsa', {
    modulusLength: MIN_MODULUS_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  await mkdir(dirname(paths.privateKeyPath), { recursive: true, mode: 0o700 })
  await mkdir(dirname(paths.publicKeyPath), { recursive: true })
  await writeFile(paths.privateKeyPath, pair.privateKey, { mode: 0o600 })
  // writeFile keeps the mode of a file it overwrites.
  await chmod(paths.privateKeyPath, 0o600)
  await writeFile(paths.publicKeyPath, pair.publicKey, { mode: 0o644 })
  return { created: true }
}

async function exists(path: string) {
  return access(path).then(
    () => true,
    () => false
  )
}
