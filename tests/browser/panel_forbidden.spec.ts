import { test } from '@japa/runner'
import { createMember, createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'
import kernel from '#core/services/kernel'

test.group('Panel | a module the tenant has not enabled', () => {
  test('is missing from the menu, and its address shows the 403 page', async ({
    visit,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'] })
    await kernel.enablement.disable(tenant.id, 'fixture-base', { actor: 'system:test' })
    const member = await createMember(tenant, ['admin'])

    const page = await visit('/login')
    await signIn(page, member.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    const nav = page.locator('[data-test="sidebar-nav"]')
    await page.assertVisible(nav.getByRole('link', { name: 'Dasbor' }))
    await page.assertNotExists(nav.getByRole('link', { name: 'Ping' }))

    const response = await page.goto('/fixture-base')
    assert.equal(response?.status(), 403)
    await page.assertTextContains(
      '[data-test="forbidden"]',
      'Modul ini belum diaktifkan untuk akun Anda'
    )
    // Still inside the shell: the user keeps the menu and the way back.
    await page.assertVisible(nav.getByRole('link', { name: 'Dasbor' }))
    await screenshot(page, 'forbidden')

    await page.getByRole('link', { name: 'Ke dasbor' }).click()
    await page.waitForURL(`${baseUrl()}/`)
    await page.assertExists('[data-test="greeting"]')
  })

  test('the 403 page speaks English when English is chosen', async ({ visit }) => {
    const tenant = await createTenant()
    const page = await visit('/login')
    await page.locator('[data-test="language-switch"]').getByRole('button', { name: 'EN' }).click()
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.goto('/fixture-base')
    await page.assertTextContains(
      '[data-test="forbidden"]',
      'This module is not enabled for your account'
    )
  })
})
