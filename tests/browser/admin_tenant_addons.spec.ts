import { test } from '@japa/runner'
import { platformDb } from '#core/tenancy/tenant_db'
import { addAddon } from '#core/tenancy/limits/addon_service'
import { createTenant } from '#tests/helpers/tenants'
import { screenshot } from '#tests/helpers/browser'
import { signInAsAdmin } from './admin_helpers.js'

const effective = (key: string) => `[data-limit="${key}"] [data-test="limit-effective"]`

test.group('Admin panel | pending addons', () => {
  test('a pending addon is approved from the tenant page and raises the limit; another is rejected with a reason', async ({
    visit,
    assert,
  }) => {
    const tenant = await createTenant({ plan: 'basic', name: 'Jaringan Tambora' })
    const by = { actor: 'system:test' }
    const routers = await addAddon(tenant.id, 'extra_router', 3, by, { status: 'pending' })
    const users = await addAddon(tenant.id, 'extra_user_pack', 1, by, { status: 'pending' })
    const page = await visit('/login')
    await signInAsAdmin(page)
    await page.goto(`/admin/tenants/${tenant.id}`)
    const before = Number(await page.locator(effective('max_router')).innerText())

    const routerRow = page.locator('[data-addon="extra_router"]')
    await page.assertTextContains(routerRow, 'Menunggu persetujuan')
    await screenshot(page, 'admin_tenant_pending_addons')
    await routerRow.locator('[data-test="approve-addon"]').click()
    await page.assertTextContains(routerRow, 'Aktif')
    await page.assertText(effective('max_router'), String(before + 3))
    await page.assertExists(routerRow.locator('[data-test="cancel-addon"]'))

    await page.locator('[data-addon="extra_user_pack"] [data-test="reject-addon"]').click()
    const dialog = page.getByRole('dialog')
    await page.assertTextContains(dialog, 'Tolak addon ini?')
    await dialog.locator('[data-test="reject-reason"]').fill('Pesanan ganda')
    await dialog.locator('[data-test="confirm"]').click()
    await page.assertNotExists(dialog)
    await page.assertTextContains('[data-addon="extra_user_pack"]', 'Dibatalkan')
    await page.assertTextContains('[data-test="audit-list"]', 'Pesanan ganda')

    const rows = await platformDb()
      .from('tenant_addons')
      .whereIn('id', [routers.id, users.id])
      .select('id', 'status')
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]))
    assert.deepEqual(status, { [routers.id]: 'active', [users.id]: 'cancelled' })
  })
})
