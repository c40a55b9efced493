import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { createMember, createTenant, TEST_PASSWORD, type TestTenant } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'
import { platformDb } from '#core/tenancy/tenant_db'
import { ROLE_TEMPLATES } from '#core/identity/permissions'

const CORE_ENTRIES = ['Tim', 'Peran', 'Pengaturan', 'Log audit']

/** Every built-in role a tenant can hand out, like the demo tenant has (finance is not created by default). */
async function withAllBuiltInRoles(tenant: TestTenant) {
  for (const template of ROLE_TEMPLATES) {
    await platformDb().rawQuery(
      `INSERT INTO roles (tenant_id, slug, name, permissions, is_system) VALUES (?, ?, ?, ?, true)
       ON CONFLICT (tenant_id, slug) DO NOTHING`,
      [tenant.id, template.slug, template.name, template.permissions]
    )
  }
}

async function coreEntriesSeenBy(page: Page, email: string) {
  await page.context().clearCookies()
  await page.goto('/login')
  await signIn(page, email, TEST_PASSWORD)
  await page.waitForURL(`${baseUrl()}/`)
  const nav = page.locator('[data-test="sidebar-nav"]')
  await page.assertVisible(nav.getByRole('link', { name: 'Dasbor' }))
  const seen: string[] = []
  for (const label of CORE_ENTRIES) {
    if (await nav.getByRole('link', { name: label, exact: true }).count()) seen.push(label)
  }
  return seen
}

test.group('Panel | navigation by role', () => {
  test('each built-in role sees the core entries its permissions open, and no others', async ({
    visit,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Nusantara' })
    await withAllBuiltInRoles(tenant)
    const expected: Record<string, string[]> = {
      owner: CORE_ENTRIES,
      admin: CORE_ENTRIES,
      finance: ['Log audit'],
      hr: ['Tim'],
      technician: [],
    }
    const page = await visit('/login')
    for (const [role, entries] of Object.entries(expected)) {
      const email =
        role === 'owner' ? tenant.owner.email : (await createMember(tenant, [role])).email
      assert.deepEqual(await coreEntriesSeenBy(page, email), entries, `role ${role}`)
      if (role === 'finance') await screenshot(page, 'navigation_finance')
    }

    // An entry left out is also refused when typed in: the technician gets the 403 page.
    await page.goto('/team')
    await page.assertVisible('[data-test="forbidden"]')
  })

  test('the owner reaches each core page from the sidebar, on a phone too', async ({ visit }) => {
    const tenant = await createTenant({ name: 'Jaringan Nusantara' })
    const page = await visit('/login')
    await page.setViewportSize({ width: 390, height: 844 })
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    for (const [label, path, heading] of [
      ['Tim', '/team', 'Tim'],
      ['Peran', '/roles', 'Peran'],
      ['Pengaturan', '/settings', 'Pengaturan akun'],
      ['Log audit', '/audit-log', 'Log audit'],
    ]) {
      await page.getByRole('button', { name: 'Buka menu' }).click()
      await page.getByRole('dialog').getByRole('link', { name: label, exact: true }).click()
      await page.waitForURL(`${baseUrl()}${path}`)
      await page.assertVisible(page.getByRole('heading', { level: 1, name: heading }))
    }
    await screenshot(page, 'audit_log_phone')
  })
})
