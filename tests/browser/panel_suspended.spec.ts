import { test } from '@japa/runner'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'
import { platformDb } from '#core/tenancy/tenant_db'
import kernel from '#core/services/kernel'

test.group('Panel | suspended account', () => {
  test('a panel-isolated tenant sees "account suspended — pay your invoice" on every page, with the way out', async ({
    visit,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Nusantara', status: 'panel_isolated' })
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    const screen = page.locator('[data-test="suspended"]')
    await page.assertVisible(screen)
    await page.assertTextContains(
      '[data-test="suspended"]',
      'Akun ditangguhkan — bayar tagihan Anda'
    )
    await page.assertTextContains('[data-test="suspended"]', 'Jaringan Nusantara')
    await page.assertNotExists('[data-test="sidebar-nav"]')
    await screenshot(page, 'suspended')

    // Any other page of the panel shows the same screen.
    await page.goto('/team')
    await page.assertVisible(screen)

    await page.locator('[data-test="language-switch"]').getByRole('button', { name: 'EN' }).click()
    await page.assertTextContains('[data-test="suspended"]', 'Account suspended — pay your invoice')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'suspended_phone_en')

    // Once the invoice is paid (the platform lifts the isolation), "check again" opens the panel.
    await platformDb().from('tenants').where('id', tenant.id).update({ status: 'active' })
    await kernel.tenants.forget({ id: tenant.id, slug: tenant.slug, custom_domain: null })
    await page.locator('[data-test="check-again"]').click()
    await page.waitForSelector('[data-test="sidebar-nav"]', { state: 'attached' })
    assert.equal(new URL(page.url()).pathname, '/')
  })

  test('the way out: signing out from the suspended screen', async ({ visit }) => {
    const tenant = await createTenant({ status: 'panel_isolated' })
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.locator('[data-test="sign-out"]').click()
    await page.waitForURL(`${baseUrl()}/login`)
  })

  test('a deactivated account gets its own screen', async ({ visit }) => {
    const tenant = await createTenant({ status: 'deactivated' })
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.assertTextContains('[data-test="suspended"]', 'Akun dinonaktifkan')
  })
})
