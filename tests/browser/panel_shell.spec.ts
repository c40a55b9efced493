import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'

async function openDashboard(page: Page) {
  const tenant = await createTenant({ plugins: ['fixture-base'], name: 'Jaringan Nusantara' })
  await page.goto('/login')
  await signIn(page, tenant.owner.email, TEST_PASSWORD)
  await page.waitForURL(`${baseUrl()}/`)
  return tenant
}

/**
 * Relative luminance (0 dark … 1 light) of an element's background, computed
 * by the browser itself: it also resolves `oklch()` colours. Browser code is a
 * string because the tests compile without the DOM typings.
 */
function backgroundLuminance(page: Page, selector: string) {
  return page.evaluate<number>(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)})
    const canvas = document.createElement('canvas').getContext('2d')
    canvas.fillStyle = getComputedStyle(element).backgroundColor
    canvas.fillRect(0, 0, 1, 1)
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
  })()`)
}

const isDark = (page: Page) =>
  page.evaluate<boolean>(`document.documentElement.classList.contains('dark')`)

test.group('Panel | shell', () => {
  test('switching to English changes the texts, and the choice stays after a reload', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    const tenant = await openDashboard(page)
    const nav = page.locator('[data-test="sidebar-nav"]')
    await page.assertVisible(nav.getByRole('link', { name: 'Dasbor' }))

    await page.locator('[data-test="language-switch"]').getByRole('button', { name: 'EN' }).click()
    await page.assertTextContains('[data-test="greeting"]', `Welcome, Owner of ${tenant.slug}`)
    await page.assertVisible(nav.getByRole('link', { name: 'Dashboard' }))
    await page.assertVisible(nav.getByRole('link', { name: 'Pings' }))
    await page.assertNotExists(nav.getByRole('link', { name: 'Dasbor' }))
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    await screenshot(page, 'dashboard_en')

    await page.reload()
    await page.assertVisible(nav.getByRole('link', { name: 'Dashboard' }))
  })

  test('the theme toggle turns the panel dark, and it stays dark after a reload', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await page.emulateMedia({ colorScheme: 'light' })
    await openDashboard(page)
    assert.isAbove(await backgroundLuminance(page, 'body'), 0.8)

    await page.locator('[data-test="theme-toggle"]').click()
    await page.waitForFunction(`document.documentElement.classList.contains('dark')`)
    assert.isBelow(await backgroundLuminance(page, 'body'), 0.2)
    await screenshot(page, 'dashboard_dark')

    await page.reload()
    assert.isTrue(await isDark(page))
    assert.isBelow(await backgroundLuminance(page, 'body'), 0.2)
  })

  test('with no choice made, the panel follows the system’s dark mode', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.reload()
    assert.isBelow(await backgroundLuminance(page, 'body'), 0.2)
    await screenshot(page, 'login_dark')
  })

  test('on a phone the menu is a drawer opened from the top bar', async ({ visit }) => {
    const page = await visit('/login')
    await page.setViewportSize({ width: 390, height: 844 })
    await openDashboard(page)
    const sidebarPing = page
      .locator('[data-test="sidebar-nav"]')
      .getByRole('link', { name: 'Ping' })
    await page.assertNotVisible(sidebarPing.first())
    await screenshot(page, 'dashboard_phone')

    await page.getByRole('button', { name: 'Buka menu' }).click()
    const drawer = page.getByRole('dialog')
    await page.assertVisible(drawer.getByRole('link', { name: 'Ping' }))
    await page.assertVisible(drawer.getByRole('link', { name: 'Dasbor' }))
    await screenshot(page, 'dashboard_phone_menu')
    await page.keyboard.press('Escape')
    await page.assertNotExists(drawer)
  })

  test('the first Tab offers a jump straight to the page content', async ({ visit }) => {
    const page = await visit('/login')
    await openDashboard(page)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Langsung ke konten' })
    await page.assertVisible(skip)
    await page.keyboard.press('Enter')
    await page.assertPath('/')
    await page.waitForFunction(`document.activeElement?.id === 'main'`)
  })
})
