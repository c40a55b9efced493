import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { withTenant } from '#core/tenancy/tenant_db'
import { createTenant, TEST_PASSWORD, type TestTenant } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'
import { encryptPassword } from '../../services/subscription_secrets.js'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)
const modal = (page: Page) => page.getByRole('dialog')

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)

/** A tenant with a package, a customer and their PPPoE account, as an operator would have them. */
async function tenantWithCustomer() {
  const tenant = await createTenant({ plugins: ['customers'], name: 'Jaringan Nusantara' })
  const ids = await withTenant(tenant.id, async (trx) => {
    const [pkg] = await trx
      .table('service_packages')
      .insert({
        tenant_id: tenant.id,
        name: 'Home 10 Mbps',
        type: 'postpaid_monthly',
        price: 150_000,
        service: 'pppoe',
        download_kbps: 10_000,
        upload_kbps: 3_000,
        profile_name: 'home-10m',
      })
      .returning('id')
    const [customer] = await trx
      .table('customers')
      .insert({ tenant_id: tenant.id, name: 'Budi Hartono', phone: '+6281234560001' })
      .returning('id')
    await trx.table('subscriptions').insert({
      tenant_id: tenant.id,
      customer_id: customer.id,
      package_id: pkg.id,
      service_type: 'pppoe',
      username: 'budi.pppoe',
      password_encrypted: encryptPassword('rahasia-budi'),
      start_date: '2026-11-01',
      billing_day: 1,
    })
    return { packageId: pkg.id as string, customerId: customer.id as string }
  })
  return { tenant, ...ids }
}

async function signInAs(page: Page, tenant: TestTenant) {
  await page.goto('/login')
  await signIn(page, tenant.owner.email, TEST_PASSWORD)
  await page.waitForURL(`${baseUrl()}/`)
}

test.group('Customers | detail, documents, packages and import in the panel', () => {
  test('an owner edits a customer (inline error first), manages the account and sees the trail', async ({
    visit,
  }) => {
    const page = await visit('/login')
    const { tenant, customerId } = await tenantWithCustomer()
    await signInAs(page, tenant)
    await page.goto(`/customers/${customerId}`)
    await page.assertTextContains('[data-test="customer-name"]', 'Budi Hartono')

    await page.locator('[data-test="edit-customer"]').click()
    await field(page, 'email').locator('input').fill('bukan-email')
    await field(page, 'address').locator('textarea').fill('Jl. Melati No. 5, RT 02/RW 05')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-email"]', 'alamat email yang valid')
    await page.assertVisible(field(page, 'address').locator('textarea'))
    await screenshot(page, 'customers_edit_error')

    await field(page, 'email').locator('input').fill('budi@contoh.id')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="profile-email"]', 'budi@contoh.id')
    await page.assertTextContains('[data-test="profile-address"]', 'Jl. Melati No. 5')
    await page.assertTextContains('[data-test="profile-updated"]', `Owner of ${tenant.slug}`)

    // The account: a MAC that is not one is refused beside the field; a good one binds.
    const account = page.locator('[data-test="subscription"]')
    await account.locator('[data-test="edit-subscription"]').click()
    await field(page, 'macAddress').locator('input').fill('AA:BB:CC')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-macAddress"]', 'tidak valid')
    await screenshot(page, 'customers_account_error')
    await field(page, 'macAddress').locator('input').fill('aa-bb-cc-dd-ee-ff')
    await field(page, 'status').locator('select').selectOption('isolated')
    await field(page, 'isolationReason').locator('input').fill('Belum bayar November')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="subscription"]', 'AA:BB:CC:DD:EE:FF')
    await page.assertVisible(account.locator('[data-status="isolated"]'))

    await account.locator('[data-test="reveal-password"]').click()
    await page.assertTextContains('[data-test="revealed-password"]', 'rahasia-budi')

    // The trail names who did what, newest first.
    const activity = page.locator('[data-test="activity"]')
    await page.assertTextContains('[data-test="activity"]', 'melihat kata sandi')
    await page.assertTextContains('[data-test="activity"]', 'mengubah akun')
    await page.assertTextContains('[data-test="activity"]', 'MAC: — → AA:BB:CC:DD:EE:FF')
    await page.assertTextContains('[data-test="activity"]', 'mengubah pelanggan')
    await page.assertVisible(activity.getByText(`Owner of ${tenant.slug}`).first())
    await screenshot(page, 'customers_detail_activity')

    // Removing asks first and names the account that goes with the customer.
    await page.locator('[data-test="remove-customer"]').click()
    await page.assertTextContains('[role="dialog"]', 'budi.pppoe')
    await screenshot(page, 'customers_remove_confirm')
    await modal(page).locator('[data-test="confirm"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertVisible(page.locator('[data-test="customer-status"][data-status="inactive"]'))
    await page.assertVisible(account.locator('[data-status="inactive"]'))
  }).timeout(90_000)

  test('a document is uploaded, refused when not allowed, downloaded and deleted', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    const { tenant, customerId } = await tenantWithCustomer()
    await signInAs(page, tenant)
    await page.goto(`/customers/${customerId}`)
    await page.assertTextContains('[data-test="documents"]', 'Belum ada dokumen')

    await page.locator('[data-test="upload-document"]').click()
    const input = field(page, 'file').locator('input[type="file"]')
    await input.setInputFiles({
      name: 'catatan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('halo'),
    })
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-file"]', 'PDF')
    await screenshot(page, 'customers_document_refused')

    await field(page, 'kind').locator('select').selectOption('identity')
    await input.setInputFiles({ name: 'KTP Budi.pdf', mimeType: 'application/pdf', buffer: PDF })
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="document"]', 'KTP Budi.pdf')
    await page.assertTextContains('[data-test="document"]', 'Identitas (KTP)')
    await screenshot(page, 'customers_documents')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="document-link"]').click(),
    ])
    assert.equal(download.suggestedFilename(), 'KTP Budi.pdf')
    assert.isTrue((await readFile((await download.path())!)).equals(PDF))

    await page.locator('[data-test="delete-document"]').click()
    await modal(page).locator('[data-test="confirm"]').click()
    await page.assertTextContains('[data-test="documents"]', 'Belum ada dokumen')
    await page.assertTextContains('[data-test="activity"]', 'menghapus dokumen')
    // Looking at someone's KTP leaves a trace too.
    await page.assertTextContains('[data-test="activity"]', 'mengunduh dokumen')
  }).timeout(90_000)

  test('a package gets burst and quota; one in use cannot be deleted', async ({ visit }) => {
    const page = await visit('/login')
    const { tenant } = await tenantWithCustomer()
    await signInAs(page, tenant)
    await page.goto('/packages')

    await page.locator('[data-test="add-package"]').click()
    await field(page, 'name').locator('input').fill('Home 20 Mbps')
    await field(page, 'price').locator('input').fill('220000')
    await field(page, 'downloadKbps').locator('input').fill('20')
    await field(page, 'uploadKbps').locator('input').fill('5')
    await field(page, 'profileName').locator('input').fill('home-20m')
    await page.getByRole('checkbox', { name: 'Izinkan burst' }).click()
    await field(page, 'burstDownload').locator('input').fill('30')
    await field(page, 'burstUpload').locator('input').fill('8')
    // A threshold above the package speed: burst would never stop, the server says so on the field.
    await field(page, 'thresholdDownload').locator('input').fill('25')
    await field(page, 'thresholdUpload').locator('input').fill('4')
    await field(page, 'burstTime').locator('input').fill('16')
    await field(page, 'quota').locator('input').fill('50')
    await page.assertTextContains('[data-test="rate-limit-preview"]', '5M/20M 8M/30M 4M/25M 16/16')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-thresholdDownload"]', '20000 kbps')
    await screenshot(page, 'customers_package_burst_error')

    await field(page, 'thresholdDownload').locator('input').fill('15')
    await page.assertTextContains('[data-test="rate-limit-preview"]', '5M/20M 8M/30M 4M/15M 16/16')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="data-table"]', 'burst 30 / 8 Mbps')
    await page.assertTextContains('[data-test="data-table"]', 'kuota 50 GB')
    await screenshot(page, 'customers_packages_burst')

    // The package Budi is on: deleting is refused, naming how many use it.
    const table = page.locator('[data-test="data-table"]')
    await table.getByRole('button', { name: /Home 10 Mbps/ }).click()
    await modal(page).locator('[data-test="delete-package"]').click()
    await page.assertTextContains('[role="dialog"] >> nth=-1', '1 langganan memakai paket ini')
    await screenshot(page, 'customers_package_in_use')
    // Confirming anyway: the server refuses, the dialog stays and the package with it.
    await page.locator('[role="dialog"]').last().locator('[data-test="confirm"]').click()
    await page.waitForLoadState('networkidle')
    await page.assertTextContains('[role="dialog"] >> nth=-1', '1 langganan memakai paket ini')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await page.assertTextContains('[data-test="data-table"]', 'Home 10 Mbps')
  }).timeout(90_000)

  test('an import is checked first (refused lines with reasons), then committed', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    const { tenant } = await tenantWithCustomer()
    await signInAs(page, tenant)
    await page.goto('/customers')
    await page.locator('[data-test="import-customers"]').click()
    await page.waitForURL(`${baseUrl()}/customers/import`)

    const csv = [
      'name,phone,package,username',
      'Andi Wijaya,081298765432,Home 10 Mbps,andi.pppoe',
      'Tanpa Telepon,12345,,',
      'Citra Lestari,081377788899,Paket Tidak Ada,citra.pppoe',
    ].join('\n')
    await field(page, 'file')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'pelanggan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.locator('[data-test="import-check"]').click()
    await page.assertTextContains(
      '[data-test="import-summary"]',
      '3 baris diperiksa: 1 bisa diimpor, 2 akan ditolak'
    )
    await page.assertTextContains('[data-test="import-rejected"]', 'phone:')
    await page.assertTextContains('[data-test="import-rejected"]', 'Paket Tidak Ada')
    await screenshot(page, 'customers_import_dry_run')

    await page.locator('[data-test="import-commit"]').click()
    await page.assertTextContains('[data-test="import-summary"]', '1 baris diimpor, 2 ditolak')
    await page.goto('/customers')
    await page.assertTextContains('[data-test="data-table"]', 'Andi Wijaya')
    await page.assertTextContains('[data-test="data-table"]', 'andi.pppoe')

    // The export button downloads the whole list, in the columns the import reads.
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="export-customers"]').click(),
    ])
    assert.match(exported.suggestedFilename(), /^customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const file = await readFile((await exported.path())!, 'utf8')
    assert.match(file, /^name,phone,/)
    assert.include(file, 'Andi Wijaya,+6281298765432')
    assert.include(file, 'budi.pppoe')

    // Filters: by package, and a category nobody is in.
    await page.locator('[data-test="package-filter"]').selectOption({ label: 'Home 10 Mbps' })
    await page.waitForURL(/packageId=/)
    await page.assertTextContains('[data-test="data-table"]', 'Budi Hartono')
    await page.locator('[data-test="category-filter"]').selectOption('member')
    await page.waitForURL(/category=member/)
    await page.assertTextContains('[data-test="empty-state"]', 'Tidak ada pelanggan yang cocok')
    await screenshot(page, 'customers_filters')
  }).timeout(90_000)
})
