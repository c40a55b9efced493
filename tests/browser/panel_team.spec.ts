import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)
const modal = (page: Page) => page.getByRole('dialog')
const table = (page: Page) => page.locator('[data-test="data-table"]')

async function signInAsOwner(page: Page, plan = 'pro') {
  const tenant = await createTenant({ name: 'Jaringan Nusantara', plan })
  await page.goto('/login')
  await signIn(page, tenant.owner.email, TEST_PASSWORD)
  await page.waitForURL(`${baseUrl()}/`)
  return tenant
}

test.group('Panel | team', () => {
  test('an owner adds a member (a bad email is refused inline), changes their roles and deactivates them', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    const tenant = await signInAsOwner(page)
    await page.goto('/team')
    await page.assertTextContains('[data-test="data-table"]', tenant.owner.email)

    await page.locator('[data-test="add-member"]').click()
    await field(page, 'email').locator('input').fill('budi-at-example')
    await field(page, 'fullName').locator('input').fill('Budi Santoso')
    await field(page, 'password').locator('input').fill('pendek')
    await modal(page).getByRole('checkbox', { name: 'Technician' }).check()
    await modal(page).locator('[data-test="save"]').click()
    // The server's messages, in Indonesian, under the fields they belong to; the form stays open.
    await page.assertTextContains(
      '[data-test="field-email"]',
      'Email harus berupa alamat email yang valid'
    )
    await page.assertTextContains('[data-test="field-password"]', 'Kata sandi minimal 8 karakter')
    await page.assertVisible(field(page, 'fullName').locator('input'))
    await screenshot(page, 'team_form_error')

    const email = `budi-${tenant.slug}@example.test`
    await field(page, 'email').locator('input').fill(email)
    await field(page, 'password').locator('input').fill('rahasia-budi-1')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    const row = table(page).getByRole('row').filter({ hasText: 'Budi Santoso' })
    await page.assertTextContains('[data-test="data-table"]', email)
    assert.include(await row.innerText(), 'Technician')

    // A taken email is refused by the service after validation, also inline.
    await page.locator('[data-test="add-member"]').click()
    await field(page, 'email').locator('input').fill(email)
    await field(page, 'fullName').locator('input').fill('Budi Kembar')
    await field(page, 'password').locator('input').fill('rahasia-budi-2')
    await modal(page).getByRole('checkbox', { name: 'HR' }).check()
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains(
      '[data-test="field-email"]',
      'Email ini sudah dipakai oleh akun lain'
    )
    await modal(page).getByRole('button', { name: 'Batal' }).click()

    // Edit: technician → HR.
    await row.getByRole('button', { name: 'Ubah Budi Santoso' }).click()
    await modal(page).getByRole('checkbox', { name: 'Technician' }).uncheck()
    await modal(page).getByRole('checkbox', { name: 'HR' }).check()
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-test="data-table"] tr')].some((r) => r.innerText.includes('Budi Santoso') && r.innerText.includes('HR') && !r.innerText.includes('Technician'))`
    )

    // Filters: by role, then by status.
    await page.locator('[data-test="filter-role"]').selectOption('hr')
    await page.waitForURL(/role=hr/)
    await page.assertNotExists(table(page).getByText(tenant.owner.email))
    await page.assertVisible(table(page).getByText('Budi Santoso'))
    await page.locator('[data-test="filter-role"]').selectOption('')

    await row.getByRole('button', { name: 'Nonaktifkan Budi Santoso' }).click()
    await page.getByRole('dialog').locator('[data-test="confirm"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-test="data-table"] tr')].some((r) => r.innerText.includes('Budi Santoso') && r.innerText.includes('Nonaktif'))`
    )
    await page.locator('[data-test="filter-status"]').selectOption('deactivated')
    await page.waitForURL(/status=deactivated/)
    await page.assertVisible(table(page).getByText('Budi Santoso'))
    await page.assertNotExists(table(page).getByText(tenant.owner.email))
    await screenshot(page, 'team_filtered')

    await row.getByRole('button', { name: 'Aktifkan kembali Budi Santoso' }).click()
    await page.getByRole('dialog').locator('[data-test="confirm"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.locator('[data-test="filter-status"]').selectOption('')
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-test="data-table"] tr')].some((r) => r.innerText.includes('Budi Santoso') && r.innerText.includes('Aktif') && !r.innerText.includes('Nonaktif'))`
    )
    await screenshot(page, 'team_list')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'team_phone')
  })

  test('an owner creates a custom role from the catalog grouped by module, edits and deletes it', async ({
    visit,
  }) => {
    const page = await visit('/login')
    await signInAsOwner(page)
    await page.goto('/roles')
    await page.assertVisible('[data-test="role-owner"]')
    await page.assertNotExists('[data-test="plan-gate"]')

    await page.locator('[data-test="add-role"]').click()
    const catalog = page.locator('[data-test="permission-catalog"]')
    await page.assertVisible(catalog.getByRole('group', { name: 'Inti platform' }))
    await page.assertVisible(catalog.getByRole('group', { name: /Customers|Pelanggan/ }))
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-name"]', 'Nama wajib diisi')

    await field(page, 'name').locator('input').fill('Kasir Loket')
    await catalog.getByRole('checkbox', { name: 'users.read' }).check()
    await catalog.getByRole('checkbox', { name: 'audit.read' }).check()
    await screenshot(page, 'roles_editor')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    const card = page.locator('[data-test="role-kasir-loket"]')
    await page.assertTextContains('[data-test="role-kasir-loket"]', 'Kasir Loket')
    await page.assertTextContains('[data-test="role-kasir-loket"]', '2 dari')

    await card.locator('[data-test="edit-role"]').click()
    await catalog.getByRole('checkbox', { name: 'users.manage' }).check()
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="role-kasir-loket"]', '3 dari')
    await screenshot(page, 'roles')

    await card.locator('[data-test="delete-role"]').click()
    await page.getByRole('dialog').locator('[data-test="confirm"]').click()
    await page.assertNotExists('[data-test="role-kasir-loket"]')
  })

  test('on the basic plan the roles page says custom roles are not included, and offers no editing', async ({
    visit,
  }) => {
    const page = await visit('/login')
    await signInAsOwner(page, 'basic')
    await page.goto('/roles')
    await page.assertTextContains('[data-test="plan-gate"]', 'tidak mencakup peran kustom')
    await page.assertNotExists('[data-test="add-role"]')
    await page.assertNotExists('[data-test="edit-role"]')
    await screenshot(page, 'roles_basic_plan')
    // Dark mode (following the system): the notice stays readable on the dark background.
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.reload()
    await page.assertVisible('[data-test="plan-gate"]')
    await screenshot(page, 'roles_basic_plan_dark')
  })

  test('the member editor works from the keyboard: Enter opens it, Tab moves through it, Escape closes it', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await signInAsOwner(page)
    await page.goto('/team')
    await page.locator('[data-test="add-member"]').focus()
    await page.keyboard.press('Enter')
    await page.assertVisible(modal(page))
    // Focus moves into the dialog and stays there.
    await page.waitForFunction(
      `document.querySelector('[role="dialog"]')?.contains(document.activeElement)`
    )
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      assert.isTrue(
        await page.evaluate<boolean>(
          `Boolean(document.querySelector('[role="dialog"]')?.contains(document.activeElement))`
        )
      )
    }
    // A role is ticked with the space bar.
    await modal(page).getByRole('checkbox', { name: 'HR' }).focus()
    await page.keyboard.press('Space')
    assert.equal(
      await modal(page).getByRole('checkbox', { name: 'HR' }).getAttribute('aria-checked'),
      'true'
    )
    await page.keyboard.press('Escape')
    await page.assertNotExists('[role="dialog"]')
  })
})
