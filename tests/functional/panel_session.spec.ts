import { test } from '@japa/runner'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { visitPage } from '#tests/helpers/inertia'

test.group('Panel | session sign-in', () => {
  test('the sign-in page renders for a visitor', async ({ client, assert }) => {
    const response = await visitPage(client, '/login', {})
    response.assertStatus(200)
    assert.equal(response.body().component, 'core/auth/login')
  })

  test('a form post without the CSRF token is refused', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client
      .post('/login')
      .redirects(0)
      .form({ email: tenant.owner.email, password: TEST_PASSWORD })
    response.assertStatus(403)
    assert.isUndefined(response.session('user_id'))
  })

  test('signing in puts the user in the session and opens the panel', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const response = await client
      .post('/login')
      .withCsrfToken()
      .redirects(0)
      .form({ email: tenant.owner.email, password: TEST_PASSWORD })
    response.assertStatus(302)
    assert.equal(response.header('location'), '/')
    assert.equal(response.session('user_id'), tenant.owner.id)
  })

  test('a wrong password returns to the form with the error on the email field', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant()
    const response = await client
      .post('/login')
      .withCsrfToken()
      .redirects(0)
      .form({ email: tenant.owner.email, password: 'wrong-password' })
    response.assertStatus(302)
    assert.equal(response.header('location'), '/login')
    assert.isUndefined(response.session('user_id'))
    assert.include(JSON.stringify(response.flashMessages()), 'The email or password is incorrect.')
  })

  test('an anonymous visitor of the panel is sent to the sign-in page', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/').redirects(0)
    response.assertStatus(302)
    assert.equal(response.header('location'), '/login')
  })

  test('a signed-in session opens the dashboard and plugin pages with their navigation', async ({
    client,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const dashboard = await client
      .get('/')
      .withSession({ user_id: tenant.owner.id })
      .header('x-inertia', 'true')
      .header('x-inertia-version', '1')
    dashboard.assertStatus(200)
    assert.equal(dashboard.body().component, 'core/dashboard')
    assert.deepEqual(
      dashboard.body().props.navigation.map((n: any) => n.href),
      ['/fixture-base']
    )
    const page = await client
      .get('/fixture-base')
      .withSession({ user_id: tenant.owner.id })
      .header('x-inertia', 'true')
      .header('x-inertia-version', '1')
    page.assertStatus(200)
    assert.equal(page.body().component, 'fixture-base/pings')
  })
})

test.group('Panel | navigation by permission', () => {
  test('a menu entry appears only for roles holding its permission', async ({ client, assert }) => {
    const { createMember } = await import('#tests/helpers/tenants')
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    const hr = await createMember(tenant, ['hr'])
    const hrPage = await client
      .get('/')
      .headers(hr.headers)
      .header('x-inertia', 'true')
      .header('x-inertia-version', '1')
    const ownerPage = await client
      .get('/')
      .headers(tenant.headers)
      .header('x-inertia', 'true')
      .header('x-inertia-version', '1')
    assert.deepEqual(hrPage.body().props.navigation, [])
    assert.deepEqual(
      ownerPage.body().props.navigation.map((n: any) => n.href),
      ['/fixture-base']
    )
  })
})
