import { test } from '@japa/runner'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  SignJWT,
  createLocalJWKSet,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  jwtVerify,
} from 'jose'
import { AccessTokenService, type AccessTokenInput } from '#core/auth/tokens/access_tokens'
import { jwksDocument } from '#core/auth/tokens/jwks'
import {
  generateDevKeyPair,
  loadTokenKeys,
  tokenKeysFromPem,
  TokenKeyError,
} from '#core/auth/tokens/keys'

/** A throwaway pair as PEM, so the suite needs no configured keys. */
async function throwawayPem() {
  const pair = await generateKeyPair('RS256', { extractable: true })
  return {
    privatePem: await exportPKCS8(pair.privateKey),
    publicPem: await exportSPKI(pair.publicKey),
  }
}

const pem = await throwawayPem()
const keys = await tokenKeysFromPem(pem.privatePem, pem.publicPem)
const service = new AccessTokenService(keys)

const owner: AccessTokenInput = {
  userId: '8d0c5a57-5d43-4f7e-9d59-0f6a4f1f0a11',
  tenantId: '1b6f0e4e-2d0a-4b8f-b7b8-6b7f3c2d9e01',
  roleIds: ['role-owner'],
  features: ['mikrotik', 'radius'],
  permissions: ['routers.manage'],
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e) => e
  )
  if (!error) throw new Error('expected the token to be refused')
  return { code: error.code, status: error.status, message: error.message as string }
}

const segments = (token: string) => token.split('.')
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString())

test.group('API tokens | access tokens', () => {
  test('a signed token verifies back to the same claims, valid for 15 minutes', async ({
    assert,
  }) => {
    const { token, expiresIn } = await service.sign(owner)
    assert.equal(expiresIn, 900)
    const claims = await service.verify(token)
    assert.containsSubset(claims, {
      sub: owner.userId,
      user_id: owner.userId,
      tenant_id: owner.tenantId,
      role_ids: ['role-owner'],
      features: ['mikrotik', 'radius'],
      permissions: ['routers.manage'],
      iss: 'isp-platform',
    })
    assert.equal(claims.exp - claims.iat, 900)
    assert.match(claims.jti, /^[\da-f-]{36}$/)
    assert.deepEqual(decode(segments(token)[0]), { alg: 'RS256', typ: 'at+jwt', kid: keys.kid })
  })

  test('a super admin token carries a null tenant and the impersonator when set', async ({
    assert,
  }) => {
    const { token } = await service.sign({
      userId: owner.userId,
      tenantId: null,
      roleIds: [],
      features: [],
      impersonatorId: 'admin-1',
    })
    const claims = await service.verify(token)
    assert.isNull(claims.tenant_id)
    assert.equal(claims.impersonator_id, 'admin-1')
    assert.notProperty(claims, 'permissions')
  })

  test('a token past its 15 minutes is refused as TOKEN_EXPIRED; one just inside is accepted', async ({
    assert,
  }) => {
    const minutesAgo = (m: number) =>
      new AccessTokenService(keys, { clock: () => new Date(Date.now() - m * 60_000) })
    const stale = await minutesAgo(16).sign(owner)
    assert.deepInclude(await codeOf(service.verify(stale.token)), {
      code: 'TOKEN_EXPIRED',
      status: 401,
    })
    const fresh = await minutesAgo(14).sign(owner)
    assert.equal((await service.verify(fresh.token)).user_id, owner.userId)
  })

  test('a token with an edited payload is refused as TOKEN_INVALID', async ({ assert }) => {
    const [header, payload, signature] = segments((await service.sign(owner)).token)
    const forged = { ...decode(payload), tenant_id: 'another-tenant', role_ids: ['role-admin'] }
    const error = await codeOf(service.verify([header, encode(forged), signature].join('.')))
    assert.deepInclude(error, { code: 'TOKEN_INVALID', status: 401 })
    assert.include(error.message, 'signature')
  })

  test('a token signed with another key is refused, even when it names our key id', async ({
    assert,
  }) => {
    const other = await throwawayPem()
    const otherKeys = await tokenKeysFromPem(other.privatePem, other.publicPem)
    const impostor = new AccessTokenService({ ...otherKeys, kid: keys.kid })
    const { token } = await impostor.sign(owner)
    assert.equal((await codeOf(service.verify(token))).code, 'TOKEN_INVALID')
  })

  test('unsigned ("none") and HS256 tokens keyed with our public key are refused', async ({
    assert,
  }) => {
    const [, payload] = segments((await service.sign(owner)).token)
    const unsigned = `${encode({ alg: 'none', typ: 'at+jwt' })}.${payload}.`
    assert.equal((await codeOf(service.verify(unsigned))).code, 'TOKEN_INVALID')

    const claims = decode(payload)
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: keys.kid })
      .sign(new TextEncoder().encode(pem.publicPem))
    const error = await codeOf(service.verify(hmac))
    assert.equal(error.code, 'TOKEN_INVALID')
    assert.include(error.message, 'only RS256')
  })

  test('a token from another issuer is refused', async ({ assert }) => {
    const foreign = new AccessTokenService(keys, { issuer: 'someone-else' })
    const { token } = await foreign.sign(owner)
    assert.equal((await codeOf(service.verify(token))).code, 'TOKEN_INVALID')
    assert.equal((await foreign.verify(token)).iss, 'someone-else')
  })

  test('garbage is refused as TOKEN_INVALID, not a crash', async ({ assert }) => {
    for (const garbage of ['', 'abc', 'a.b.c', `${encode({ alg: 'RS256' })}.e30.`]) {
      assert.equal((await codeOf(service.verify(garbage))).code, 'TOKEN_INVALID', garbage)
    }
  })
})

test.group('API tokens | JWKS', () => {
  test('the JWKS document verifies a signed token and exposes only the public key', async ({
    assert,
  }) => {
    const document = jwksDocument(keys)
    assert.lengthOf(document.keys, 1)
    assert.deepEqual(Object.keys(document.keys[0]).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use'])
    assert.containsSubset(document.keys[0], { kty: 'RSA', alg: 'RS256', use: 'sig', kid: keys.kid })

    const { token } = await service.sign(owner)
    const { payload } = await jwtVerify(token, createLocalJWKSet(document), {
      issuer: 'isp-platform',
    })
    assert.equal(payload.user_id, owner.userId)

    const other = await throwawayPem()
    const stranger = new AccessTokenService(
      await tokenKeysFromPem(other.privatePem, other.publicPem)
    )
    const strangerToken = (await stranger.sign(owner)).token
    await assert.rejects(() => jwtVerify(strangerToken, createLocalJWKSet(document)))
  })
})

test.group('API tokens | key loading', (group) => {
  let dir: string
  group.each.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jwt-keys-'))
    return () => rm(dir, { recursive: true, force: true })
  })

  test('keys come from one-line env PEM or from files relative to the app root, same kid', async ({
    assert,
  }) => {
    const fromEnv = await loadTokenKeys(
      {
        JWT_PRIVATE_KEY: pem.privatePem.replaceAll('\n', '\\n'),
        JWT_PUBLIC_KEY: pem.publicPem.replaceAll('\n', '\\n'),
      },
      dir
    )
    await writeFile(join(dir, 'private.pem'), pem.privatePem)
    await writeFile(join(dir, 'public.pem'), pem.publicPem)
    const fromFiles = await loadTokenKeys(
      { JWT_PRIVATE_KEY_FILE: 'private.pem', JWT_PUBLIC_KEY_FILE: 'public.pem' },
      dir
    )
    assert.equal(fromEnv.kid, keys.kid)
    assert.equal(fromFiles.kid, keys.kid)
    const { token } = await new AccessTokenService(fromFiles).sign(owner)
    assert.equal((await service.verify(token)).user_id, owner.userId)
  })

  test('a missing or unreadable key is an error naming the variable', async ({ assert }) => {
    const missing = loadTokenKeys({ JWT_PUBLIC_KEY: pem.publicPem }, dir)
    await assert.rejects(() => missing, TokenKeyError, /JWT_PRIVATE_KEY nor JWT_PRIVATE_KEY_FILE/)

    const unreadable = loadTokenKeys(
      { JWT_PRIVATE_KEY: pem.privatePem, JWT_PUBLIC_KEY_FILE: 'nowhere/public.pem' },
      dir
    )
    await assert.rejects(
      () => unreadable,
      /JWT_PUBLIC_KEY_FILE: cannot read .*nowhere\/public\.pem/
    )

    const notPem = loadTokenKeys({ JWT_PRIVATE_KEY: 'hunter2', JWT_PUBLIC_KEY: pem.publicPem }, dir)
    await assert.rejects(() => notPem, /JWT_PRIVATE_KEY does not hold a PEM private key/)
  })

  test('a public key from another pair is refused', async ({ assert }) => {
    const other = await throwawayPem()
    const mismatched = loadTokenKeys(
      { JWT_PRIVATE_KEY: pem.privatePem, JWT_PUBLIC_KEY: other.publicPem },
      dir
    )
    await assert.rejects(
      () => mismatched,
      /JWT_PUBLIC_KEY is not the public half of JWT_PRIVATE_KEY/
    )
  })

  test('the development pair is written once, private key owner-only, replaced only by force', async ({
    assert,
  }) => {
    const paths = {
      privateKeyPath: join(dir, 'keys/jwt_private.pem'),
      publicKeyPath: join(dir, 'keys/jwt_public.pem'),
    }
    assert.deepEqual(await generateDevKeyPair(paths), { created: true })
    assert.equal((await stat(paths.privateKeyPath)).mode & 0o777, 0o600)
    const first = await loadTokenKeys(
      { JWT_PRIVATE_KEY_FILE: paths.privateKeyPath, JWT_PUBLIC_KEY_FILE: paths.publicKeyPath },
      dir
    )

    const before = await readFile(paths.privateKeyPath, 'utf8')
    assert.deepEqual(await generateDevKeyPair(paths), { created: false })
    assert.equal(await readFile(paths.privateKeyPath, 'utf8'), before)

    assert.deepEqual(await generateDevKeyPair(paths, { force: true }), { created: true })
    const replaced = await loadTokenKeys(
      { JWT_PRIVATE_KEY_FILE: paths.privateKeyPath, JWT_PUBLIC_KEY_FILE: paths.publicKeyPath },
      dir
    )
    assert.notEqual(replaced.kid, first.kid)

    await rm(paths.publicKeyPath)
    await assert.rejects(() => generateDevKeyPair(paths), /half a key pair/)
  })
})
