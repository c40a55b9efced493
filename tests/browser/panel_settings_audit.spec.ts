import { test } from '@japa/runner'
import { deflateSync } from 'node:zlib'
import type { Page } from 'playwright'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)

/** A small PNG logo: a teal square with a white ring, written by hand (no image library). */
function logoPng(size = 64) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows: number[] = []
  for (let y = 0; y < size; y++) {
    rows.push(0)
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2, y - size / 2)
      const ring = d > size * 0.22 && d < size * 0.32
      rows.push(...(ring ? [255, 255, 255] : [13, 148, 136]))
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const PNG = logoPng()
// A 1×1 GIF: a type the logo refuses.
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
    await page
      .locator('[data-test="sidebar-nav"]')
      .getByRole('link', { name: 'Pengaturan' })
      .click()
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
