import { createHash, randomBytes, randomInt } from 'node:crypto'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { SmtpSink, type ReceivedMail } from '#tests/helpers/smtp_sink'

const NEW_PASSWORD = 'kata-sandi-baru-456'

/*
 * Every test speaks from its own client address (the app trusts
 * X-Forwarded-For), so that throttles left in Redis by earlier runs, or by
 * the other tests, never decide an outcome here.
 */
const freshAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`

function forgot(client: ApiClient, email: string, ip: string, language?: string) {
  const request = client.post('/api/v1/auth/password/forgot').header('x-forwarded-for', ip)
  if (language) request.header('accept-language', language)
  return request.json({ email })
}

function reset(client: ApiClient, token: string, password: string, ip: string) {
  return client
    .post('/api/v1/auth/password/reset')
    .header('x-forwarded-for', ip)
    .json({ token, password })
}

function login(client: ApiClient, email: string, password: string, ip: string) {
  return client.post('/api/v1/auth/login').header('x-forwarded-for', ip).json({ email, password })
}

function tokenIn(mail: ReceivedMail) {
  const link = new RegExp(
    `${env.get('APP_URL').replace(/\/+$/, '')}/reset-password\\?token=([\\w-]+)`
  )
  const token = link.exec(mail.text)?.[1]
  if (!token) throw new Error(`no reset link in the email:\n${mail.text}`)
  return token
}

test.group('Auth | password reset by email', (group) => {
  let sink: SmtpSink

  group.setup(async () => {
    const port = env.get('SMTP_PORT')
    if (!port) throw new Error('SMTP_PORT must be set for the test environment (see .env.test)')
    sink = await SmtpSink.start(port)
    return () => sink.close()
  })

  /** Asks for a link and returns the token from the email that arrives. */
  async function requestToken(client: ApiClient, email: string, ip: string) {
    const before = sink.sentTo(email).length
    ;(await forgot(client, email, ip)).assertStatus(202)
    const mail = await sink.waitFor(
      (m) => m.to.includes(email) && sink.sentTo(email).indexOf(m) >= before
    )
    return tokenIn(mail)
  }

  test('the emailed link sets a new password once and signs out every session', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const email = tenant.owner.email
    const ip = freshAddress()
    const before = (await login(client, email, TEST_PASSWORD, ip)).body()

    const asked = await forgot(client, email, ip)
    asked.assertStatus(202)
    const mail = await sink.waitFor((m) => m.to.includes(email))
    assert.equal(mail.subject, 'Atur ulang kata sandi / Reset your password')
    assert.match(mail.text, /^Halo /)
    assert.include(mail.text, 'kata sandi')
    assert.include(mail.text, 'Open this link within 60 minutes')
    const token = tokenIn(mail)

    ;(await reset(client, token, NEW_PASSWORD, ip)).assertStatus(204)
    ;(await login(client, email, NEW_PASSWORD, ip)).assertStatus(200)
    ;(await login(client, email, TEST_PASSWORD, ip)).assertStatus(401)

    const refreshed = await client
      .post('/api/v1/auth/refresh')
      .json({ refreshToken: before.refreshToken })
    refreshed.assertStatus(401)
    refreshed.assertBodyContains({ code: 'REFRESH_TOKEN_INVALID' })

    const again = await reset(client, token, 'yet-another-pass-789', ip)
    again.assertStatus(400)
    again.assertBodyContains({ code: 'RESET_TOKEN_INVALID' })
    ;(await login(client, email, NEW_PASSWORD, ip)).assertStatus(200)

    assert.lengthOf(sink.sentTo(email), 1)
    const audit = await platformDb()
      .from('audit_logs')
      .where({ action: 'auth.password_reset', subject_id: tenant.owner.id })
      .first()
    assert.exists(audit)
    assert.equal(audit.tenant_id, tenant.id)
  })

  test('an unknown email gets the very same answer and no email', async ({ client, assert }) => {
    const tenant = await createTenant()
    const ghost = `ghost-${tenant.slug}@x.test`
    const unknown = await forgot(client, ghost, freshAddress())
    const known = await forgot(client, tenant.owner.email, freshAddress())
    unknown.assertStatus(202)
    known.assertStatus(202)
    assert.deepEqual(unknown.body(), known.body())
    assert.isString(known.body().message)

    // The unknown request went first; once the known one's email is in, nothing else is coming.
    await sink.waitFor((m) => m.to.includes(tenant.owner.email))
    assert.lengthOf(sink.sentTo(ghost), 0)
  })

  test('an expired link is refused and the password stays', async ({ client }) => {
    const tenant = await createTenant()
    const ip = freshAddress()
    const token = await requestToken(client, tenant.owner.email, ip)
    await platformDb()
      .from('password_reset_tokens')
      .where('user_id', tenant.owner.id)
      .update({ expires_at: new Date(Date.now() - 60_000) })

    const response = await reset(client, token, NEW_PASSWORD, ip)
    response.assertStatus(400)
    response.assertBodyContains({ code: 'RESET_TOKEN_INVALID' })
    ;(await login(client, tenant.owner.email, TEST_PASSWORD, ip)).assertStatus(200)
  })

  test('asking again replaces the earlier link', async ({ client }) => {
    const tenant = await createTenant()
    const ip = freshAddress()
    const first = await requestToken(client, tenant.owner.email, ip)
    const second = await requestToken(client, tenant.owner.email, ip)

    const stale = await reset(client, first, NEW_PASSWORD, ip)
    stale.assertStatus(400)
    stale.assertBodyContains({ code: 'RESET_TOKEN_INVALID' })
    ;(await reset(client, second, NEW_PASSWORD, ip)).assertStatus(204)
  })

  test('a too short password is refused by field and the link still works', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const ip = freshAddress()
    const token = await requestToken(client, tenant.owner.email, ip)

    const weak = await reset(client, token, 'short', ip)
    weak.assertStatus(422)
    assert.deepEqual(
      weak.body().errors.map((e: { field: string }) => e.field),
      ['password']
    )
    ;(await login(client, tenant.owner.email, TEST_PASSWORD, ip)).assertStatus(200)
    ;(await reset(client, token, NEW_PASSWORD, ip)).assertStatus(204)

    const malformed = await forgot(client, 'not-an-email', ip)
    malformed.assertStatus(422)
    assert.deepEqual(
      malformed.body().errors.map((e: { field: string }) => e.field),
      ['email']
    )
  })

  test('only the SHA-256 of the token is stored', async ({ client, assert }) => {
    const tenant = await createTenant()
    const token = await requestToken(client, tenant.owner.email, freshAddress())

    const rows = await platformDb().from('password_reset_tokens').where('user_id', tenant.owner.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].token_hash, createHash('sha256').update(token).digest('hex'))
    const leaked = await platformDb().rawQuery(
      `SELECT count(*)::int AS n FROM password_reset_tokens t WHERE strpos(t::text, ?) > 0`,
      [token]
    )
    assert.equal(leaked.rows[0].n, 0)
    // Tenant requests run as the app role, which cannot read the table at all.
    await assert.rejects(
      () => db.connection('app').from('password_reset_tokens').select('token_hash'),
      /permission denied/
    )
  })

  test('readers asking in English get English first', async ({ client, assert }) => {
    const tenant = await createTenant()
    ;(await forgot(client, tenant.owner.email, freshAddress(), 'en-US,en;q=0.9')).assertStatus(202)
    const mail = await sink.waitFor((m) => m.to.includes(tenant.owner.email))
    assert.match(mail.text, /^Hello /)
    assert.include(mail.text, 'Halo ')
  })

  test('requests for one email are throttled alike whether or not it exists', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const ghost = `ghost-${tenant.slug}@x.test`
    const answers: Record<string, unknown>[] = []
    for (const email of [tenant.owner.email, ghost]) {
      for (let i = 0; i < 3; i++) (await forgot(client, email, freshAddress())).assertStatus(202)
      const throttled = await forgot(client, email, freshAddress())
      throttled.assertStatus(429)
      answers.push(throttled.body())
    }
    assert.equal(answers[0].code, 'PASSWORD_RESET_THROTTLED')
    assert.deepEqual(answers[0], answers[1])
  })

  test('one address cannot sweep through many emails', async ({ client, assert }) => {
    const ip = freshAddress()
    for (let i = 0; i < 20; i++) {
      ;(await forgot(client, `sweep-${randomBytes(4).toString('hex')}@x.test`, ip)).assertStatus(
        202
      )
    }
    const blocked = await forgot(client, `sweep-${randomBytes(4).toString('hex')}@x.test`, ip)
    blocked.assertStatus(429)
    assert.equal(blocked.body().code, 'PASSWORD_RESET_THROTTLED')
  })

  test('a user locked out by failed sign-ins can sign in right after a reset', async ({
    client,
  }) => {
    const tenant = await createTenant()
    const ip = freshAddress()
    for (let i = 0; i < 5; i++)
      (await login(client, tenant.owner.email, `bad-${i}`, ip)).assertStatus(401)
    ;(await login(client, tenant.owner.email, TEST_PASSWORD, ip)).assertStatus(429)

    const token = await requestToken(client, tenant.owner.email, ip)
    ;(await reset(client, token, NEW_PASSWORD, ip)).assertStatus(204)
    ;(await login(client, tenant.owner.email, NEW_PASSWORD, ip)).assertStatus(200)
  })
})
