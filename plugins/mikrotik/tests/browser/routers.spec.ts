import { test } from '@japa/runner'
import type { Page } from 'playwright'
import kernel from '#core/services/kernel'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'
import { API_PASSWORD, runInWorker, runJob, startSimulator } from '../helpers/routers.js'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)
const modal = (page: Page) => page.getByRole('dialog')
const PLATFORM_USER = 'isp-platform'

test.group('MikroTik | panel in the browser', () => {
  test('an operator adds a router, sees who is online, disconnects one, adds an account, reads the sync log, gets the onboarding script and pushes vouchers', async ({
    visit,
    assert,
    cleanup,
  }) => {
    const sim = await startSimulator({ identity: 'core-depok', user: PLATFORM_USER, cleanup })
    const tenant = await createTenant({ plugins: ['mikrotik'], name: 'RT/RW Net Depok' })
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)

    await page.locator('[data-test="sidebar-nav"]').getByRole('link', { name: 'Router' }).click()
    await page.waitForURL(`${baseUrl()}/mikrotik/routers`)
    await page.assertTextContains('[data-test="empty-state"]', 'Belum ada router')

    // A port that cannot exist: the message shows under the port field and the form stays open.
    await page.locator('[data-test="add-router"]').click()
    await field(page, 'name').locator('input').fill('Core Depok')
    await field(page, 'host').locator('input').fill('127.0.0.1')
    await field(page, 'port').locator('input').fill('70000')
    await field(page, 'apiUser').locator('input').fill(PLATFORM_USER)
    await field(page, 'apiPassword').locator('input').fill(API_PASSWORD)
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-port"]', '65535')
    await screenshot(page, 'mikrotik_router_form_error')

    await field(page, 'port').locator('input').fill(String(sim.port))
    await field(page, 'apiPassword').locator('input').fill(API_PASSWORD)
    await modal(page).locator('[data-test="save"]').click()
    await page.waitForURL(/\/mikrotik\/routers\/[0-9a-f-]{36}$/)
    const routerUrl = page.url()
    const routerId = routerUrl.split('/').pop()!
    await page.assertTextContains('[data-test="router-name"]', 'Core Depok')
    await page.assertTextContains('[data-test="router-status"]', 'Belum dicek')

    await page.locator('[data-test="test-connection"]').click()
    await page.assertTextContains('[data-test="router-status"]', 'Online')
    await page.assertTextContains('[data-test="fact-identity"]', 'core-depok')
    await page.assertTextContains('[data-test="fact-version"]', '7.18.2')
    await page.assertTextContains('[data-test="fact-board"]', 'CCR2004-16G-2S+')
    await screenshot(page, 'mikrotik_router_overview')

    // Online users: everyone the router has, then one of them disconnected after a confirmation.
    await page.locator('[data-test="tab-sessions"]').click()
    await page.waitForURL(/tab=sessions/)
    const online = sim.rows('/ip/hotspot/active').map((r) => r.user)
    for (const user of online) await page.assertTextContains('[data-test="sessions"]', user)
    await page.assertTextContains('[data-test="session-counts"]', '3 hotspot · 2 PPPoE')
    await screenshot(page, 'mikrotik_router_sessions')
    const [target] = sim.rows('/ip/hotspot/active')
    await page
      .locator('[data-test="sessions"] tr', { hasText: target.user })
      .locator('[data-test="disconnect"]')
      .click()
    await page.assertTextContains('[role="dialog"]', target.user)
    await screenshot(page, 'mikrotik_router_disconnect_confirm')
    await modal(page).locator('[data-test="confirm"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="session-counts"]', '2 hotspot · 2 PPPoE')
    assert.notInclude(
      sim.rows('/ip/hotspot/active').map((r) => r.user),
      target.user
    )
    // Still on the online users tab, without the disconnected customer.
    assert.include(page.url(), 'tab=sessions')
    assert.equal(
      await page.locator('[data-test="sessions"] tr', { hasText: target.user }).count(),
      0
    )

    // Accounts: a hotspot user added on the router itself.
    await page.locator('[data-test="tab-accounts"]').click()
    await page.waitForURL(/tab=accounts/)
    await page.locator('[data-test="add-account"]').click()
    await field(page, 'name').locator('input').fill('tamu-warung')
    await field(page, 'password').locator('input').fill('kopi-susu')
    await field(page, 'profile').locator('select').selectOption('default')
    await field(page, 'limitUptime').locator('input').fill('2h')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="accounts"]', 'tamu-warung')
    const added = sim.rows('/ip/hotspot/user').find((r) => r.name === 'tamu-warung')
    assert.containsSubset(added, { 'password': 'kopi-susu', 'limit-uptime': '2h' })
    await screenshot(page, 'mikrotik_router_accounts')

    // Sync logs: the scheduled sync, run the way the worker does.
    const job = await kernel
      .forPlugin('mikrotik')
      .dispatch('sync-router', { tenantId: tenant.id, routerId })
    await runJob(job.id!)
    await page.locator('[data-test="tab-logs"]').click()
    await page.waitForURL(/tab=logs/)
    await page.assertTextContains('[data-test="sync-logs"]', 'Berhasil')
    await page.assertTextContains('[data-test="sync-logs"]', '2 hotspot · 2 PPPoE')
    await screenshot(page, 'mikrotik_router_sync_logs')

    // Onboarding script, with the RADIUS values explained and filled in.
    await page.locator('[data-test="onboarding-link"]').click()
    await page.waitForURL(/\/onboarding/)
    await page.assertTextContains('[data-test="onboarding-form"]', 'Alamat RADIUS')
    await field(page, 'radiusAddress').locator('input').fill('10.9.0.2')
    await page.locator('[data-test="generate-script"]').click()
    await page.assertTextContains(
      '[data-test="script-text"]',
      '/radius add service=ppp,hotspot address=10.9.0.2'
    )
    await page.assertTextContains('[data-test="script-text"]', `/user add name="${PLATFORM_USER}"`)
    await page.assertTextContains('[data-test="secret-note"]', 'Secret RADIUS baru dibuat')
    await page.assertVisible(page.locator('[data-test="copy-script"]'))
    await screenshot(page, 'mikrotik_onboarding_script')

    // Voucher push: queued, then followed to the end while the worker runs it.
    await page.goto(`${routerUrl}/push`)
    await field(page, 'lines')
      .locator('textarea')
      .fill('vc-0001,48213\nvc-0002,59324\nvc-0003,60435')
    await field(page, 'profile').locator('select').selectOption('default')
    await field(page, 'limitUptime').locator('input').fill('3h')
    await page.locator('[data-test="push-submit"]').click()
    await page.waitForURL(/push\?batch=/)
    await page.assertTextContains('[data-test="push-state"]', 'Menunggu worker')
    await screenshot(page, 'mikrotik_push_queued')
    const batchId = new URL(page.url()).searchParams.get('batch')!
    assert.equal(await runInWorker(`push-hotspot-users.${tenant.id}.${batchId}`), 'completed')
    await page.assertTextContains('[data-test="push-state"]', 'Selesai')
    await page.assertTextContains(
      '[data-test="push-counts"]',
      '3 dari 3 · 3 ditambahkan · 0 sudah ada'
    )
    assert.lengthOf(
      sim.rows('/ip/hotspot/user').filter((r) => r.name.startsWith('vc-000')),
      3
    )
    await screenshot(page, 'mikrotik_push_done')

    // The online list on a phone: still readable, the disconnect button still there.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${routerUrl}?tab=sessions`)
    await page.assertVisible(page.locator('[data-test="disconnect-compact"]').first())
    await screenshot(page, 'mikrotik_router_sessions_phone')
  })
})
