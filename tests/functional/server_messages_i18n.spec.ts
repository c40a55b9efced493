import { test } from '@japa/runner'
import { createMember, createTenant } from '#tests/helpers/tenants'
import { platformDb } from '#core/tenancy/tenant_db'
import kernel from '#core/services/kernel'

const messageOf = (body: any, field: string) =>
  body.errors?.find((e: any) => e.field === field)?.message as string | undefined

test.group('Server messages | Indonesian and English', () => {
  test('an API 422 speaks Indonesian for Accept-Language: id, with the same code', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const response = await client
      .post('/api/v1/users')
      .headers(tenant.headers)
      .header('accept-language', 'id-ID,id;q=0.9,en;q=0.5')
      .json({ email: 'bukan-email', fullName: 'Budi', password: 'pendek', roles: ['admin'] })
    response.assertStatus(422)
    assert.equal(response.body().code, 'VALIDATION_FAILED')
    assert.equal(response.body().message, 'Beberapa isian tidak valid')
    assert.equal(messageOf(response.body(), 'email'), 'Email harus berupa alamat email yang valid')
    assert.equal(messageOf(response.body(), 'password'), 'Kata sandi minimal 8 karakter')
    assert.equal(response.body().errors.find((e: any) => e.field === 'email').rule, 'email')
  })

  test('the same request in English without the header, and with Accept-Language: en', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const body = { email: 'not-an-email', fullName: 'Budi', password: 'x', roles: ['admin'] }
    for (const language of [undefined, 'en-US,en;q=0.9']) {
      const request = client.post('/api/v1/users').headers(tenant.headers)
      if (language) request.header('accept-language', language)
      const response = await request.json(body)
      response.assertStatus(422)
      assert.equal(response.body().code, 'VALIDATION_FAILED')
      assert.equal(response.body().message, 'Some fields are invalid')
      assert.equal(
        messageOf(response.body(), 'email'),
        'The email field must be a valid email address'
      )
      assert.equal(
        messageOf(response.body(), 'password'),
        'The password field must have at least 8 characters'
      )
    }
  })

  test('a language the platform does not speak falls back to English', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const response = await client
      .post('/api/v1/users')
      .headers(tenant.headers)
      .header('accept-language', 'fr-FR')
      .json({ email: 'x' })
    response.assertStatus(422)
    assert.equal(response.body().message, 'Some fields are invalid')
  })

  test('a plugin validator called directly (not through validateUsing) is translated too', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const response = await client
      .get('/api/v1/radius/auth-log')
      .qs({ page: 0 })
      .headers(tenant.headers)
      .header('accept-language', 'id')
    response.assertStatus(422)
    assert.equal(response.body().code, 'VALIDATION_FAILED')
    assert.equal(messageOf(response.body(), 'page'), 'Halaman minimal 1')
  })

  test('a refusal raised after validation (email taken) is translated by field and rule', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const body = {
      email: tenant.owner.email,
      fullName: 'Kembar',
      password: 'rahasia-panjang',
      roles: ['admin'],
    }
    const id = await client
      .post('/api/v1/users')
      .headers(tenant.headers)
      .header('accept-language', 'id')
      .json(body)
    id.assertStatus(422)
    assert.equal(id.body().code, 'VALIDATION_FAILED')
    assert.equal(messageOf(id.body(), 'email'), 'Email ini sudah dipakai oleh akun lain')

    const en = await client.post('/api/v1/users').headers(tenant.headers).json(body)
    assert.equal(messageOf(en.body(), 'email'), 'This email is already used by another account')
  })

  test('an API user without Accept-Language gets their stored language', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    await platformDb().from('users').where('id', tenant.owner.id).update({ locale: 'id' })
    await kernel.actors.forget(tenant.owner.id)
    const response = await client.post('/api/v1/users').headers(tenant.headers).json({})
    response.assertStatus(422)
    assert.equal(response.body().message, 'Beberapa isian tidak valid')
    assert.equal(messageOf(response.body(), 'email'), 'Email wajib diisi')

    // The client's own header still decides what it shows.
    const english = await client
      .post('/api/v1/users')
      .headers(tenant.headers)
      .header('accept-language', 'en')
      .json({})
    assert.equal(english.body().message, 'Some fields are invalid')
  })

  test('a panel form shows the Indonesian message inline for a user who chose Indonesian', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    await platformDb().from('users').where('id', tenant.owner.id).update({ locale: 'id' })
    await kernel.actors.forget(tenant.owner.id)
    const response = await client
      .post('/team')
      .withSession({ user_id: tenant.owner.id })
      .withCsrfToken()
      .header('host', tenant.host)
      .header('referer', '/team')
      .header('accept-language', 'en-US')
      .header('x-inertia', 'true')
      .redirects(0)
      .json({ email: 'bukan-email', fullName: 'Budi', password: 'x', roles: ['admin'] })
    response.assertStatus(302)
    const flashed = response.flashMessages() as any
    const errors = flashed.inputErrorsBag
    assert.include(JSON.stringify(errors), 'Email harus berupa alamat email yang valid')
    assert.include(JSON.stringify(errors), 'Kata sandi minimal 8 karakter')
    // The typed password never comes back to the form.
    assert.notInclude(JSON.stringify(flashed), '"password":"x"')
  })

  test('switching the language stores it on the account and answers in it', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const response = await client
      .post('/locale')
      .withSession({ user_id: tenant.owner.id })
      .withCsrfToken()
      .header('host', tenant.host)
      .redirects(0)
      .form({ locale: 'en' })
    response.assertStatus(302)
    const row = await platformDb().from('users').where('id', tenant.owner.id).first()
    assert.equal(row.locale, 'en')
    const audit = await platformDb()
      .from('audit_logs')
      .where({ subject_id: tenant.owner.id, action: 'user.locale_changed' })
      .first()
    assert.exists(audit)

    const page = await client
      .get('/')
      .withSession({ user_id: tenant.owner.id })
      .header('host', tenant.host)
      .header('accept-language', 'id')
      .header('x-inertia', 'true')
      .header('x-inertia-version', '1')
    assert.equal(page.body().props.locale, 'en')
    const profile = await client
      .get('/profile')
      .withSession({ user_id: tenant.owner.id })
      .header('host', tenant.host)
      .header('x-inertia', 'true')
      .header('x-inertia-version', '1')
    assert.equal(profile.body().props.profile.locale, 'en')
  })

  test('refusals that name specifics keep them in Indonesian; the code stays the same', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const technician = await createMember(tenant, ['technician'])
    const denied = await client
      .get('/api/v1/users')
      .headers(technician.headers)
      .header('accept-language', 'id')
    denied.assertStatus(403)
    assert.equal(denied.body().code, 'PERMISSION_DENIED')
    assert.equal(denied.body().message, 'Peran Anda tidak memiliki izin "users.read".')

    const english = await client.get('/api/v1/users').headers(technician.headers)
    assert.equal(english.body().message, 'Your role does not include the "users.read" permission.')

    const forgot = await client
      .post('/api/v1/auth/password/forgot')
      .header('accept-language', 'id')
      .json({ email: 'siapa@contoh.test' })
    forgot.assertStatus(202)
    assert.include(forgot.body().message, 'Tautan berlaku sekali')
  })
})
