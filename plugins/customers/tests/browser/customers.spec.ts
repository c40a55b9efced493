import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)
const modal = (page: Page) => page.getByRole('dialog')

async function signInAsOwner(page: Page) {
  const tenant = await createTenant({ plugins: ['customers'], name: 'Jaringan Nusantara' })
  await page.goto('/login')
  await signIn(page, tenant.owner.email, TEST_PASSWORD)
  await page.waitForURL(`${baseUrl()}/`)
  return tenant
}

/** Adds a package through the editor, as an operator setting up their price list. */
async function addPackage(page: Page) {
  await page.goto('/packages')
  await page.locator('[data-test="add-package"]').click()
  await field(page, 'name').locator('input').fill('Paket 20M')
  await field(page, 'price').locator('input').fill('200000')
  await field(page, 'downloadKbps').locator('input').fill('20')
  await field(page, 'uploadKbps').locator('input').fill('5')
  await field(page, 'profileName').locator('input').fill('paket-20m')
  await modal(page).locator('[data-test="save"]').click()
  await page.assertNotExists('[role="dialog"]')
}

test.group('Customers | panel pages', () => {
  test('an owner prices a package, adds a customer and opens an account for them', async ({
    visit,
  }) => {
    const page = await visit('/login')
    await signInAsOwner(page)
    const nav = page.locator('[data-test="sidebar-nav"]')
    await page.assertVisible(nav.getByRole('link', { name: 'Pelanggan' }))

    await addPackage(page)
    const table = page.locator('[data-test="data-table"]')
    await page.assertTextContains('[data-test="data-table"]', 'Paket 20M')
    await page.assertTextContains('[data-test="data-table"]', 'Rp 200.000')
    await page.assertTextContains('[data-test="data-table"]', '20 / 5 Mbps')

    // The editor opens from the package's name, with its current values.
    await table.getByRole('button', { name: /Paket 20M/ }).click()
    await field(page, 'price').locator('input').fill('250000')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="data-table"]', 'Rp 250.000')
    await page.assertTextContains('[data-test="data-table"]', '20 / 5 Mbps')
    await screenshot(page, 'customers_packages')

    await nav.getByRole('link', { name: 'Pelanggan' }).click()
    await page.waitForURL(`${baseUrl()}/customers`)
    await page.assertTextContains('[data-test="empty-state"]', 'Belum ada pelanggan')

    // A number that cannot exist: the message shows under the phone field, the form stays open.
    await page.locator('[data-test="add-customer"]').click()
    await field(page, 'name').locator('input').fill('Siti Aminah')
    await field(page, 'phone').locator('input').fill('12345')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-phone"]', 'nomor telepon')
    await page.assertVisible(field(page, 'name').locator('input'))
    await screenshot(page, 'customers_form_error')

    await field(page, 'phone').locator('input').fill('0812-3456-7890')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="data-table"]', 'Siti Aminah')
    await page.assertTextContains('[data-test="data-table"]', '+6281234567890')
    await screenshot(page, 'customers_list')

    await table.getByRole('link', { name: 'Siti Aminah' }).click()
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/)
    await page.assertTextContains('[data-test="customer-name"]', 'Siti Aminah')
    await page.assertTextContains('[data-test="profile-phone"]', '+6281234567890')
    await page.assertTextContains('[data-test="subscriptions"]', 'Belum ada langganan')

    await page.locator('[data-test="add-subscription"]').click()
    await field(page, 'packageId').locator('select').selectOption({ index: 1 })
    await field(page, 'username').locator('input').fill('siti.aminah')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    const account = page.locator('[data-test="subscription"]')
    await page.assertTextContains('[data-test="subscription"]', 'siti.aminah')
    await page.assertTextContains('[data-test="subscription"]', 'Paket 20M')
    await page.assertVisible(account.locator('[data-status="active"]'))
    await screenshot(page, 'customers_detail')

    // The same page on a phone: nothing cut off, the account still readable.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.assertVisible(account.getByText('siti.aminah'))
    await screenshot(page, 'customers_detail_phone')
  })

  test('the list speaks English and filters by status on the server', async ({ visit }) => {
    const page = await visit('/login')
    await page.locator('[data-test="language-switch"]').getByRole('button', { name: 'EN' }).click()
    await signInAsOwner(page)
    await page.goto('/customers')
    await page.assertVisible(page.getByRole('heading', { name: 'Customers', exact: true }))
    await page.assertTextContains('[data-test="empty-state"]', 'No customers yet')

    await page.locator('[data-test="add-customer"]').click()
    await field(page, 'name').locator('input').fill('Budi Santoso')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="data-table"]', 'Budi Santoso')

    await page.locator('[data-test="status-filter"]').selectOption('isolated')
    await page.waitForURL(/status=isolated/)
    await page.assertTextContains('[data-test="empty-state"]', 'No customer matches this search')
    await screenshot(page, 'customers_filtered_en')
  })
})
