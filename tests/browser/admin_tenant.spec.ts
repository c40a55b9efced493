import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { createTenant } from '#tests/helpers/tenants'
import { baseUrl, screenshot } from '#tests/helpers/browser'
import { signInAsAdmin, signInElsewhere } from './admin_helpers.js'

const effective = (key: string) => `[data-limit="${key}"] [data-test="limit-effective"]`

test.group('Admin panel | one tenant', () => {
  test('changing the plan changes the effective limits, and an override replaces the plan’s value', async ({
    visit,
  }) => {
    const tenant = await createTenant({ plan: 'basic', name: 'Jaringan Bromo' })
    const pro = await platformDb().from('plans').where('code', 'pro').first()
    const page = await visit('/login')
    await signInAsAdmin(page)
    await page.goto(`/admin/tenants/${tenant.id}`)
    await page.assertText(effective('max_router'), '2')

    await page.locator('[data-test="plan-select"]').selectOption('pro')
    await page.locator('[data-test="change-plan"]').click()
    await page.assertText(effective('max_router'), String(pro.limits.max_router))
    await page.assertTextContains('[data-test="audit-list"]', 'Paket diganti')

    await page.locator('[data-test="override-max_router"]').click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('[data-test="override-value"]').fill('-3')
    await dialog.locator('[data-test="save"]').click()
    await page.assertVisible(dialog.locator('[data-test="field-value"] [data-slot="error"]'))
    await dialog.locator('[data-test="override-value"]').fill('12')
    await dialog.locator('[data-test="save"]').click()
    await page.assertNotExists(dialog)
    await page.assertText(effective('max_router'), '12')
    await page.assertTextContains('[data-limit="max_router"] [data-test="limit-override"]', '12')
    await screenshot(page, 'admin_tenant_limits')

    await page.locator('[data-test="clear-max_router"]').click()
    await page.assertText(effective('max_router'), String(pro.limits.max_router))
  })

  test('isolating the panel asks first; the tenant’s owner then meets the suspended screen', async ({
    visit,
    browser,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Rinjani' })
    const page = await visit('/login')
    await signInAsAdmin(page)
    await page.goto(`/admin/tenants/${tenant.id}`)

    await page.locator('[data-test="status-panel_isolated"]').click()
    const dialog = page.getByRole('dialog')
    await page.assertTextContains(dialog, 'Isolir panel Jaringan Rinjani?')
    await dialog.locator('[data-test="status-reason"]').fill('Tagihan platform belum dibayar')
    await screenshot(page, 'admin_tenant_status_confirm')
    await dialog.locator('[data-test="confirm"]').click()
    await page.assertText(
      '[data-test="tenant-title"] + [data-test="tenant-status"]',
      'Panel diisolir'
    )
    const row = await platformDb().from('tenants').where('id', tenant.id).first()
    assert.equal(row.status, 'panel_isolated')
    // The reason goes with the change into the tenant's audit trail, shown on the page.
    await page.assertTextContains('[data-test="audit-list"]', 'Tagihan platform belum dibayar')

    const owner = await signInElsewhere(browser, tenant.owner.email)
    try {
      const suspended = owner.page.locator('[data-test="suspended"]')
      await suspended.waitFor({ state: 'visible' })
      assert.equal(await suspended.getAttribute('data-state'), 'isolated')
    } finally {
      await owner.close()
    }
  })

  test('a refused module switch names what needs it; once free, the module leaves the tenant’s menu', async ({
    visit,
    browser,
    assert,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base', 'fixture-addon'] })
    const owner = await signInElsewhere(browser, tenant.owner.email)
    try {
      const ping = owner.page
        .locator('[data-test="sidebar-nav"]')
        .getByRole('link', { name: 'Ping' })
      await ping.waitFor({ state: 'visible' })

      const page = await visit('/login')
      await signInAsAdmin(page)
      await page.goto(`/admin/tenants/${tenant.id}`)
      await page.locator('[data-test="plugin-switch-fixture-base"]').click()
      await page.assertTextContains('[data-test="refusal"]', 'Fixture Base tidak bisa dimatikan')
      await page.assertTextContains('[data-test="refusal"]', 'Fixture Addon')
      // Said where the switch is too: the page's alert may be scrolled out of view.
      await page.waitForFunction(
        `document.body.innerText.split('Fixture Base tidak bisa dimatikan').length - 1 >= 2`
      )
      await screenshot(page, 'admin_tenant_plugin_refused')
      assert.equal(
        await page.locator('[data-test="plugin-switch-fixture-base"]').getAttribute('aria-checked'),
        'true'
      )

      await page.locator('[data-test="plugin-switch-fixture-addon"]').click()
      await page.waitForFunction(
        `document.querySelector('[data-test="plugin-switch-fixture-addon"]')?.getAttribute('aria-checked') === 'false'`
      )
      await page.locator('[data-test="plugin-switch-fixture-base"]').click()
      await page.waitForFunction(
        `document.querySelector('[data-test="plugin-switch-fixture-base"]')?.getAttribute('aria-checked') === 'false'`
      )
      await page.assertNotExists('[data-test="refusal"]')

      await owner.page.reload()
      await owner.page.locator('[data-test="sidebar-nav"]').waitFor({ state: 'visible' })
      assert.equal(await ping.count(), 0)
    } finally {
      await owner.close()
    }
  })

  test('impersonation opens the tenant’s panel with the way back, and ends where it began', async ({
    visit,
  }) => {
    const tenant = await createTenant({ plugins: ['fixture-base'], name: 'Jaringan Semeru' })
    const page = await visit('/login')
    await signInAsAdmin(page)
    await page.goto(`/admin/tenants/${tenant.id}`)
    await page.locator('[data-test="impersonate"]').click()
    await page.getByRole('dialog').locator('[data-test="confirm"]').click()

    await page.waitForURL(`${baseUrl()}/`)
    await page.assertTextContains('[data-test="tenant-name"]', 'Jaringan Semeru')
    const nav = page.locator('[data-test="sidebar-nav"]')
    await page.assertVisible(nav.getByRole('link', { name: 'Ping' }))
    const back = nav.getByRole('link', { name: /Menyamar sebagai Jaringan Semeru/ })
    await page.assertVisible(back)
    // The dashboard lists the tenant's modules, not the super admin's way back.
    await page.assertTextContains('[data-test="modules"]', 'Ping')
    await page.assertNotExists('[data-test="modules"] a[href="/admin/impersonation"]')
    // Every tenant page says whose panel this is, with the way back.
    await page.assertTextContains(
      '[data-test="impersonation-banner"]',
      'Anda sedang menyamar sebagai Jaringan Semeru'
    )
    await screenshot(page, 'admin_impersonating_tenant')

    await back.click()
    await page.waitForURL(`${baseUrl()}/admin/impersonation`)
    await page.assertTextContains(
      '[data-test="impersonation-banner"]',
      'Anda sedang menyamar sebagai Jaringan Semeru'
    )
    await screenshot(page, 'admin_impersonation')
    await page.locator('[data-test="stop-impersonation"]').click()
    await page.waitForURL(`${baseUrl()}/admin/tenants/${tenant.id}`)
    await page.assertTextContains('[data-test="audit-list"]', 'Penyamaran diakhiri')
    await page.assertTextContains('[data-test="audit-list"]', 'Penyamaran dimulai')
  })

  test('simple and advanced feature modes, addons, on a phone', async ({ visit }) => {
    const tenant = await createTenant({ plan: 'basic' })
    const page = await visit('/login')
    await page.setViewportSize({ width: 390, height: 844 })
    await signInAsAdmin(page)
    await page.goto(`/admin/tenants/${tenant.id}`)

    // A tenant without features starts in advanced mode; simple mode applies a whole group.
    await page.locator('[data-test="mode-simple"]').click()
    await page.locator('[data-group="basic"] input').check()
    await page.locator('[data-test="apply-group"]').click()
    await page.getByRole('dialog').locator('[data-test="confirm"]').click()
    await page.assertTextContains('[data-test="audit-list"]', 'Grup fitur diterapkan')

    await page.locator('[data-test="mode-advanced"]').click()
    const apiAccess = page.locator('[data-test="feature-switch-api_access"]')
    await apiAccess.click()
    await page.waitForFunction(
      `document.querySelector('[data-test="feature-switch-api_access"]')?.getAttribute('aria-checked') === 'true'`
    )

    const addon = page.locator('[data-test="add-addon"]')
    await addon.locator('select').selectOption('extra_router')
    await addon.getByRole('textbox').fill('2')
    await addon.getByRole('button', { name: 'Tambah' }).click()
    await page.assertVisible(page.locator('[data-addon="extra_router"]'))
    await page.assertText(effective('max_router'), String(2 + 2 * (await routerIncrement())))
    await screenshot(page, 'admin_tenant_phone')

    await page.locator('[data-addon="extra_router"] [data-test="cancel-addon"]').click()
    await page.getByRole('dialog').locator('[data-test="confirm"]').click()
    await page.assertText(effective('max_router'), '2')
  })
})

async function routerIncrement(): Promise<number> {
  return (await platformDb().from('addon_catalog').where('code', 'extra_router').first()).increment
}
