import { test } from '@japa/runner'
import { createLocalJWKSet, jwtVerify } from 'jose'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'

test.group('Auth | API tokens', () => {
  test('signing in returns a token pair that opens the API', async ({ client, assert }) => {
    const tenant = await createTenant()
    const login = await client
      .post('/api/v1/auth/login')
      .json({ email: tenant.owner.email, password: TEST_PASSWORD })
    login.assertStatus(200)
    const pair = login.body()
    assert.equal(pair.tokenType, 'Bearer')
    assert.equal(pair.expiresIn, 900)
    assert.isString(pair.refreshToken)

    const me = await client
      .get('/api/v1/auth/me')
      .header('authorization', `Bearer ${pair.accessToken}`)
    me.assertStatus(200)
    assert.equal(me.body().email, tenant.owner.email)
    assert.equal(me.body().tenantId, tenant.id)
    assert.deepEqual(me.body().roles, ['owner'])
  })

  test('the access token carries the user, tenant and roles, and verifies against the JWKS', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const { accessToken } = (
      await client
        .post('/api/v1/auth/login')
        .json({ email: tenant.owner.email, password: TEST_PASSWORD })
    ).body()
    const jwks = (await client.get('/.well-known/jwks.json')).body()
    assert.equal(jwks.keys[0].alg, 'RS256')
    const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(jwks))
    assert.equal(protectedHeader.alg, 'RS256')
    assert.equal(payload.user_id, tenant.owner.id)
    assert.equal(payload.tenant_id, tenant.id)
    assert.lengthOf(payload.role_ids as string[], 1)
    assert.equal((payload.exp as number) - (payload.iat as number), 900)
  })

  test('a wrong password and an unknown email get the same 401', async ({ client, assert }) => {
    const tenant = await createTenant()
    const wrong = await client
      .post('/api/v1/auth/login')
      .json({ email: tenant.owner.email, password: 'nope' })
    const unknown = await client
      .post('/api/v1/auth/login')
      .json({ email: `ghost-${tenant.slug}@x.test`, password: 'nope' })
    wrong.assertStatus(401)
    unknown.assertStatus(401)
    assert.deepEqual(wrong.body(), unknown.body())
    assert.equal(wrong.body().code, 'INVALID_CREDENTIALS')
  })

  test('bad input gets 422 with field messages', async ({ client, assert }) => {
    const response = await client.post('/api/v1/auth/login').json({ email: 'not-an-email' })
    response.assertStatus(422)
    const fields = response
      .body()
      .errors.map((e: any) => e.field)
      .sort()
    assert.deepEqual(fields, ['email', 'password'])
  })

  test('a refresh token is rotated; reusing a spent one revokes the whole family', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const first = (
      await client
        .post('/api/v1/auth/login')
        .json({ email: tenant.owner.email, password: TEST_PASSWORD })
    ).body()
    const second = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: first.refreshToken })
    second.assertStatus(200)
    assert.notEqual(second.body().refreshToken, first.refreshToken)

    const reuse = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: first.refreshToken })
    reuse.assertStatus(401)
    reuse.assertBodyContains({ code: 'REFRESH_TOKEN_REUSED' })
    const afterReuse = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: second.body().refreshToken })
    afterReuse.assertStatus(401)
  })

  test('logout revokes the refresh token', async ({ client }) => {
    const tenant = await createTenant()
    const pair = (
      await client
        .post('/api/v1/auth/login')
        .json({ email: tenant.owner.email, password: TEST_PASSWORD })
    ).body()
    ;(
      await client.post('/api/v1/auth/logout').json({ refreshToken: pair.refreshToken })
    ).assertStatus(204)
    const refreshed = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: pair.refreshToken })
    refreshed.assertStatus(401)
  })

  test('after 5 failures the account must wait, even with the right password', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    for (let i = 0; i < 5; i++) {
      ;(
        await client
          .post('/api/v1/auth/login')
          .json({ email: tenant.owner.email, password: `bad-${i}` })
      ).assertStatus(401)
    }
    const blocked = await client
      .post('/api/v1/auth/login')
      .json({ email: tenant.owner.email, password: TEST_PASSWORD })
    blocked.assertStatus(429)
    assert.equal(blocked.body().code, 'LOGIN_THROTTLED')
  })

  test('sign-ins and failures are audited with address and user agent', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    await client
      .post('/api/v1/auth/login')
      .header('user-agent', 'MikroTik-Helper/1.0')
      .json({ email: tenant.owner.email, password: 'bad' })
    await client
      .post('/api/v1/auth/login')
      .header('user-agent', 'MikroTik-Helper/1.0')
      .json({ email: tenant.owner.email, password: TEST_PASSWORD })
    const success = await platformDb()
      .from('audit_logs')
      .where({ action: 'auth.login', subject_id: tenant.owner.id })
      .first()
    assert.exists(success)
    assert.equal(success.user_agent, 'MikroTik-Helper/1.0')
    assert.isString(success.ip)
    const failure = await platformDb()
      .from('audit_logs')
      .where('action', 'auth.login_failed')
      .whereRaw(`after->>'email' = ?`, [tenant.owner.email])
      .first()
    assert.exists(failure)
  })

  test('a deactivated user can no longer sign in nor use a token', async ({ client }) => {
    const tenant = await createTenant()
    await platformDb().from('users').where('id', tenant.owner.id).update({ status: 'deactivated' })
    await kernel.actors.forget(tenant.owner.id)
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ email: tenant.owner.email, password: TEST_PASSWORD })
    ).assertStatus(401)
    const me = await client
      .get('/api/v1/auth/me')
      .header('authorization', tenant.headers.authorization)
    me.assertStatus(401)
    me.assertBodyContains({ code: 'ACCOUNT_INACTIVE' })
  })
})
