import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)
const modal = (page: Page) => page.getByRole('dialog')

test.group('Vouchers | panel pages', () => {
  test('an owner prices a package, generates a batch, prints it and disables a voucher', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    const tenant = await createTenant({ plugins: ['radius', 'voucher'], name: 'RT 05 Net' })
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    const nav = page.locator('[data-test="sidebar-nav"]')
    await page.assertVisible(nav.getByRole('link', { name: 'Paket Voucher' }))

    // The price list: a "1 Hari" package at Rp 5.000, 3/1 Mbps, valid one day from first login.
    await nav.getByRole('link', { name: 'Paket Voucher' }).click()
    await page.waitForURL(`${baseUrl()}/voucher-packages`)
    await page.assertTextContains('[data-test="empty-state"]', 'Belum ada paket voucher')
    await page.locator('[data-test="add-voucher-package"]').click()
    await field(page, 'name').locator('input').fill('1 Hari')
    await field(page, 'price').locator('input').fill('5000')
    await field(page, 'downloadKbps').locator('input').fill('3')
    await field(page, 'uploadKbps').locator('input').fill('1')
    await field(page, 'validityDays').locator('input').fill('1')
    await field(page, 'profileName').locator('input').fill('voucher-1h')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="data-table"]', '1 Hari')
    await page.assertTextContains('[data-test="data-table"]', 'Rp 5.000')
    await page.assertTextContains('[data-test="data-table"]', '3 / 1 Mbps')
    await screenshot(page, 'voucher_packages')

    // The generator: zero vouchers is refused beside the field, the modal stays open.
    await nav.getByRole('link', { name: 'Batch Voucher' }).click()
    await page.waitForURL(`${baseUrl()}/voucher-batches`)
    await page.locator('[data-test="generate-batch"]').click()
    await field(page, 'count').locator('input').fill('0')
    await field(page, 'prefix').locator('input').fill('RT')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-count"]', '1')
    await page.assertVisible(field(page, 'count').locator('input'))
    await screenshot(page, 'voucher_generator_error')

    await field(page, 'count').locator('input').fill('12')
    await modal(page).locator('[data-test="save"]').click()
    await page.waitForURL(/\/vouchers\?batchId=[0-9a-f-]{36}$/)
    const codes = page.locator('[data-test="voucher-code"]')
    await codes.first().waitFor()
    assert.equal(await codes.count(), 12)
    for (const code of await codes.allTextContents())
      assert.match(code.trim(), /^RT[2-9A-HJ-NP-Z]{6}$/)
    await screenshot(page, 'voucher_list')

    // Print preview: the PDF of the cards in the page, A4 first, then 58 mm slips.
    await page.locator('[data-test="print-batch"]').click()
    await page.waitForURL(/\/voucher-batches\/[0-9a-f-]{36}\/print/)
    await page.assertTextContains('[data-test="print-summary"]', '12 voucher')
    const preview = page.locator('[data-test="print-preview"]')
    await page.assertVisible(preview.locator('[data-test="preview-card"]').first())
    assert.equal(await preview.locator('[data-test="preview-card"]').count(), 8)
    await page.assertTextContains('[data-test="print-preview"]', 'Rp 5.000')
    await page.assertTextContains('[data-test="print-preview"]', 'RT 05 Net')
    const pdf = await page.request.get(
      (await page.locator('[data-test="download-pdf"]').getAttribute('href'))!
    )
    assert.equal(pdf.headers()['content-type'], 'application/pdf')
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-')
    await screenshot(page, 'voucher_print_a4')
    await page.locator('[data-test="template"]').selectOption('thermal58')
    await page.waitForURL(/template=thermal58/)
    await page.locator('[data-test="print-preview"][data-template="thermal58"]').waitFor()
    assert.equal(await preview.locator('[data-test="preview-card"]').count(), 3)
    await screenshot(page, 'voucher_print_thermal')

    // Back on the list, one voucher is disabled: its badge says so and it can be enabled again.
    await page.locator('[data-test="print-back"]').click()
    await page.waitForURL(/\/vouchers\?batchId=/)
    const first = page.locator('[data-test="data-table"] tbody tr').first()
    await first.locator('[data-test="disable-voucher"]').click()
    await first.locator('[data-status="error"]').waitFor()
    await page.assertTextContains('[data-test="data-table"]', 'Dinonaktifkan')
    await page.assertVisible(first.locator('[data-test="enable-voucher"]'))
    await screenshot(page, 'voucher_disabled')

    // The same list on a phone.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.assertVisible(codes.first())
    await screenshot(page, 'voucher_list_phone')
  })

  test('settings refuse a bad login address beside the field; sales show in English', async ({
    visit,
  }) => {
    const page = await visit('/login')
    await page.locator('[data-test="language-switch"]').getByRole('button', { name: 'EN' }).click()
    const tenant = await createTenant({ plugins: ['radius', 'voucher'], name: 'RT 05 Net' })
    const { default: seed } = await import('../../demo_seed.js')
    await seed({ tenantId: tenant.id, tenantSlug: tenant.slug, password: TEST_PASSWORD })
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)

    await page.goto('/voucher-settings')
    await page.assertVisible(page.getByRole('heading', { name: 'Voucher settings' }))
    await field(page, 'hotspotLoginUrl').locator('input').fill('wifi kampung')
    await page.locator('[data-test="save-settings"]').click()
    await page.assertTextContains('[data-test="field-hotspotLoginUrl"]', 'URL')
    await screenshot(page, 'voucher_settings_error')
    await field(page, 'hotspotLoginUrl').locator('input').fill('http://wifi.rtrw.net')
    await field(page, 'cardTemplate').locator('select').selectOption('thermal58')
    await page.locator('[data-test="save-settings"]').click()
    await page.assertTextContains('body', 'Settings saved')
    await page.reload()
    await page.assertVisible(
      field(page, 'hotspotLoginUrl').locator('input[value="http://wifi.rtrw.net"]')
    )

    await page.goto('/voucher-reports?groupBy=package')
    await page.assertVisible(page.getByRole('heading', { name: 'Voucher sales' }))
    await page.assertTextContains('[data-test="sales-table"]', '3 Jam')
    await page.assertTextContains('[data-test="sales-table"]', '7 Hari')
    await screenshot(page, 'voucher_sales_en')
  })
})
