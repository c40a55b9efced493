import { test } from '@japa/runner'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'

test.group('Panel | signing in', () => {
  test('the owner signs in through the form and sees the tenant and its modules', async ({
    visit,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'], name: 'Jaringan Nusantara' })
    const page = await visit('/login')
    // Fonts, icons and scripts all come from the panel itself: nothing from a CDN.
    const foreign: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl()) && !request.url().startsWith('data:'))
        foreign.push(request.url())
    })
    const scriptErrors: string[] = []
    page.on('pageerror', (error) => scriptErrors.push(error.message))
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) scriptErrors.push(message.text())
    })
    await page.assertExists(page.getByRole('heading', { name: 'Masuk ke panel' }))
    await screenshot(page, 'login')

    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.assertTextContains('[data-test="tenant-name"]', 'Jaringan Nusantara')
    await page.assertTextContains(
      '[data-test="greeting"]',
      `Selamat datang, Owner of ${tenant.slug}`
    )
    const nav = page.locator('[data-test="sidebar-nav"]')
    await page.assertVisible(nav.getByRole('link', { name: 'Dasbor' }))
    await page.assertVisible(nav.getByRole('link', { name: 'Ping' }))
    await page.assertTextContains(nav, 'Fixture Base')
    await page.assertVisible(page.locator('[data-test="empty-state"]'))
    assert.equal(
      await nav.getByRole('link', { name: 'Ping' }).getAttribute('href'),
      '/fixture-base'
    )
    await screenshot(page, 'dashboard')
    assert.deepEqual(foreign, [])
    assert.deepEqual(scriptErrors, [])
  })

  test('a wrong password shows the error on the form, not a blank page', async ({ visit }) => {
    const tenant = await createTenant()
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, 'salah-sandi')

    const emailField = page.locator('[data-test="field-email"]')
    await page.assertTextContains(emailField, 'Email atau kata sandi salah.')
    await page.assertPath('/login')
    await page.assertInputValue(page.getByLabel(/kata sandi/i), '')
    await screenshot(page, 'login_error')
  })

  test('an empty form gets the server’s messages under each field', async ({ visit }) => {
    const page = await visit('/login')
    await page.getByRole('button', { name: 'Masuk' }).click()
    await page.assertTextContains(page.locator('[data-test="field-email"]'), 'Email wajib diisi')
    await page.assertTextContains(
      page.locator('[data-test="field-password"]'),
      'Kata sandi wajib diisi'
    )
    await page.assertPath('/login')
  })

  test('signing out from the user menu returns to the sign-in page', async ({ visit }) => {
    const tenant = await createTenant()
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.locator('[data-test="user-menu"]').click()
    await page.getByRole('menuitem', { name: 'Keluar' }).click()
    await page.waitForURL(`${baseUrl()}/login`)
    await page.goto('/')
    await page.assertPath('/login')
  })
})
