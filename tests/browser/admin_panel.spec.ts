import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'
import { screenshot } from '#tests/helpers/browser'
import { signInAsAdmin } from './admin_helpers.js'

test.group('Admin panel | dashboard and navigation', () => {
  test('the super admin lands on the platform dashboard with its own menu, in both languages', async ({
    visit,
    assert,
  }) => {
    await createTenant({ name: 'Jaringan Merapi', plan: 'pro' })
    const page = await visit('/login')
    await signInAsAdmin(page)
    const nav = page.locator('[data-test="sidebar-nav"]')
    await page.assertVisible(nav.getByRole('link', { name: 'Dasbor platform' }))
    await page.assertVisible(nav.getByRole('link', { name: 'Tenant', exact: true }))
    await page.assertVisible(nav.getByRole('link', { name: 'Paket langganan' }))
    await page.assertExists(page.getByRole('heading', { name: 'Dasbor platform' }))
    await page.assertTextContains('[data-test="mrr"]', 'Rp')
    await page.assertTextContains('[data-test="sign-ups"]', 'Jaringan Merapi')
    await screenshot(page, 'admin_dashboard')

    await page.locator('[data-test="language-switch"]').getByRole('button', { name: 'EN' }).click()
    await page.assertExists(page.getByRole('heading', { name: 'Platform dashboard' }))
    await page.assertVisible(nav.getByRole('link', { name: 'Tenants' }))
    await page.assertVisible(nav.getByRole('link', { name: 'Plans' }))
    await page.assertTextContains('[data-test="mrr"]', 'Monthly recurring revenue')
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    await screenshot(page, 'admin_dashboard_en')

    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await screenshot(page, 'admin_dashboard_phone')
  })
})

test.group('Admin panel | tenants', () => {
  test('search narrows the list on the server, and the filter stays in the address', async ({
    visit,
  }) => {
    const page = await visit('/login')
    await signInAsAdmin(page)
    const unique = `Kencana ${Date.now().toString(36)}`
    await createTenant({ name: `${unique} Utara` })
    await createTenant({ name: 'Jaringan Lain' })
    await page.goto('/admin/tenants')
    await page.assertTextContains('[data-test="data-table"]', 'Jaringan Lain')

    await page.getByRole('textbox', { name: 'Cari…' }).fill(unique)
    await page.waitForURL(/q=Kencana/)
    await page.assertTextContains('[data-test="data-table"]', `${unique} Utara`)
    await page.assertNotExists(page.getByRole('link', { name: 'Jaringan Lain' }))
    await screenshot(page, 'admin_tenants_search')

    await page.getByRole('textbox', { name: 'Cari…' }).fill('tidak-ada-yang-cocok')
    await page.assertTextContains('[data-test="empty-state"]', 'Tidak ada tenant yang cocok')
  })

  test('a new tenant: the server’s refusals show beside the fields, then the fixed form opens its page', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await signInAsAdmin(page)
    await page.goto('/admin/tenants')
    await screenshot(page, 'admin_tenants')
    await page.locator('[data-test="add-tenant"]').click()
    const dialog = page.getByRole('dialog')
    const suffix = Date.now().toString(36)
    await dialog.getByLabel('Nama', { exact: true }).fill(`Sinar Net ${suffix}`)
    await page.assertInputValue(dialog.getByLabel('Alamat (slug)'), `sinar-net-${suffix}`)
    await dialog.getByLabel('Alamat (slug)').fill('Salah Slug!')
    await dialog.getByLabel('Nama lengkap').fill('Putu Adnyana')
    await dialog.getByLabel('Email').fill(`putu-${suffix}@sinar.test`)
    await dialog.getByLabel('Kata sandi').fill('pendek')
    await dialog.locator('[data-test="save"]').click()

    await page.assertVisible(dialog.locator('[data-test="field-slug"] [data-slot="error"]'))
    await page.assertVisible(
      dialog.locator('[data-test="field-owner.password"] [data-slot="error"]')
    )
    await page.assertNotExists(
      dialog.locator('[data-test="field-owner.email"] [data-slot="error"]')
    )
    // What was typed stays, so only the wrong fields need fixing.
    await page.assertInputValue(dialog.getByLabel('Nama lengkap'), 'Putu Adnyana')
    await screenshot(page, 'admin_tenant_form_error')
    assert.isNull(await platformDb().from('tenants').where('name', `Sinar Net ${suffix}`).first())

    await dialog.getByLabel('Alamat (slug)').fill(`sinar-${suffix}`)
    await dialog.getByLabel('Kata sandi').fill('rahasia-sinar-123')
    await dialog.locator('[data-test="save"]').click()
    await page.waitForURL(/\/admin\/tenants\/[0-9a-f-]{36}$/)
    await page.assertTextContains('[data-test="tenant-title"]', `Sinar Net ${suffix}`)
    await page.assertTextContains('[data-test="audit-list"]', 'Tenant dibuat')
    await screenshot(page, 'admin_tenant_detail')
  })
})

test.group('Admin panel | plans', () => {
  test('the plans editor changes a price and a limit, and refuses a price that is not a number', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await signInAsAdmin(page)
    await page.goto('/admin/plans')
    await screenshot(page, 'admin_plans')
    const card = page.locator('[data-plan="business"]')
    await card.locator('[data-test="edit-plan-business"]').click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('[data-test="plan-price-input"]').fill('dua juta')
    await dialog.locator('[data-test="save"]').click()
    await page.assertVisible(dialog.locator('[data-test="field-price"] [data-slot="error"]'))
    await screenshot(page, 'admin_plan_form_error')

    await dialog.locator('[data-test="plan-price-input"]').fill('2750000')
    await dialog.locator('[data-test="plan-limit-max_voucher"]').fill('123456')
    await dialog.locator('[data-test="save"]').click()
    await page.assertNotExists(dialog)
    await page.assertTextContains(card.locator('[data-test="plan-price"]'), 'Rp 2.750.000')
    await page.assertTextContains(card.locator('[data-limit="max_voucher"]'), '123.456')

    // What the Business plan includes: its feature group gains a module.
    const group = page.locator('[data-group="business"]')
    await group.getByRole('checkbox', { name: 'Fixture Other', exact: true }).click()
    await group.getByRole('button', { name: 'Simpan grup' }).click()
    await page.assertTextContains('body', 'Grup fitur disimpan')
    const saved = await platformDb().from('feature_groups').where('code', 'business').first()
    assert.include(saved.features, 'fixture-other')
  })
})

test.group('Admin panel | keyboard, theme and phone', () => {
  test('a status change asked from the keyboard is dropped with Escape; the pages read in dark and on a phone', async ({
    visit,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Kelud' })
    const page = await visit('/login')
    await signInAsAdmin(page)
    await page.goto(`/admin/tenants/${tenant.id}`)

    await page.locator('[data-test="status-deactivated"]').focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await page.assertTextContains(dialog, 'Nonaktifkan Jaringan Kelud?')
    await page.keyboard.press('Escape')
    await page.assertNotExists(dialog)
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.equal(row.status, 'active')

    await page.locator('[data-test="theme-toggle"]').click()
    await page.waitForFunction(`document.documentElement.classList.contains('dark')`)
    await screenshot(page, 'admin_tenant_dark')
    await page.goto('/admin/plans')
    await screenshot(page, 'admin_plans_dark')

    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/admin/tenants')
    await page.assertVisible(page.getByRole('link', { name: 'Jaringan Kelud' }))
    await screenshot(page, 'admin_tenants_phone')
  })
})
