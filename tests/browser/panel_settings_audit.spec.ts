import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)

// A 1×1 PNG and a 1×1 GIF (a type the logo refuses).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

/** Whether an <img> actually loaded (the browser decoded the file the server streamed). */
const imageLoaded = (page: Page, selector: string) =>
  page.evaluate<boolean>(`(() => {
    const img = document.querySelector(${JSON.stringify(selector)})
    return Boolean(img && img.complete && img.naturalWidth > 0)
  })()`)

test.group('Panel | settings and audit log', () => {
  test('an owner renames the account, uploads a logo shown in the shell, and finds both in the audit log', async ({
    visit,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Nusantara' })
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.locator('[data-test="sidebar-nav"]').getByRole('link', { name: 'Pengaturan' }).click()
    await page.waitForURL(`${baseUrl()}/settings`)

    // A name too short is refused inline; nothing changes.
    await field(page, 'name').locator('input').fill('J')
    await page.locator('[data-test="save-settings"]').click()
    await page.assertTextContains('[data-test="field-name"]', 'Nama minimal 2 karakter')

    await field(page, 'name').locator('input').fill('Nusantara Net')
    await field(page, 'timezone').locator('select').selectOption('Asia/Makassar')
    await page.locator('[data-test="save-settings"]').click()
    await page.assertTextContains('[data-test="tenant-name"]', 'Nusantara Net')

    // A GIF is not a type the logo takes.
    await page.locator('[data-test="logo-input"]').setInputFiles({
      name: 'logo.gif',
      mimeType: 'image/gif',
      buffer: GIF,
    })
    await page.locator('[data-test="upload-logo"]').click()
    await page.assertTextContains('[data-test="field-logo"]', 'Logo harus berupa berkas')

    await page.locator('[data-test="logo-input"]').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: PNG,
    })
    await page.locator('[data-test="upload-logo"]').click()
    await page.waitForSelector('[data-test="sidebar-logo"]')
    await page.waitForFunction(
      `(() => { const i = document.querySelector('[data-test="sidebar-logo"]'); return i && i.complete && i.naturalWidth > 0 })()`
    )
    assert.isTrue(await imageLoaded(page, '[data-test="topbar-logo"]'))
    await screenshot(page, 'settings')

    // The logo is private: without a session the address answers nothing.
    const logoSrc = await page.locator('[data-test="sidebar-logo"]').getAttribute('src')
    const anonymous = await page.context().browser()!.newContext({ baseURL: baseUrl() })
    const response = await anonymous.request.get(logoSrc!, { maxRedirects: 0 })
    assert.notEqual(response.status(), 200)
    await anonymous.close()

    await page.locator('[data-test="sidebar-nav"]').getByRole('link', { name: 'Log audit' }).click()
    await page.waitForURL(`${baseUrl()}/audit-log`)
    const rows = page.locator('[data-test="data-table"] tbody tr')
    await page.assertTextContains('[data-test="data-table"]', 'Logo diunggah')
    await page.assertTextContains('[data-test="data-table"]', 'Pengaturan akun diubah')
    await page.assertTextContains('[data-test="data-table"]', `Owner of ${tenant.slug}`)

    await rows
      .filter({ hasText: 'Pengaturan akun diubah' })
      .locator('[data-test="audit-details"]')
      .click()
    const detail = page.locator('[data-test="audit-detail"]')
    await page.assertVisible(detail)
    const changes = await detail.locator('[data-test="audit-changes"]').innerText()
    assert.include(changes, 'Jaringan Nusantara')
    assert.include(changes, 'Nusantara Net')
    assert.include(changes, 'Asia/Jakarta')
    assert.include(changes, 'Asia/Makassar')
    await screenshot(page, 'audit_log_detail')
    await page.keyboard.press('Escape')

    // Filter by action: only the logo upload is left.
    await page.locator('[data-test="filter-action"]').selectOption('tenant.logo_updated')
    await page.waitForURL(/action=tenant\.logo_updated/)
    await page.waitForFunction(
      `document.querySelectorAll('[data-test="data-table"] tbody tr').length === 1`
    )
    await page.assertTextContains('[data-test="data-table"]', 'Logo diunggah')
    // A date range that ends before today: nothing.
    await page.locator('[data-test="filter-to"]').fill('2020-01-01')
    await page.assertTextContains('[data-test="data-table"]', 'Tidak ada catatan yang cocok')
    await screenshot(page, 'audit_log')
  })
})
