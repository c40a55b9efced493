import { test } from '@japa/runner'
import type { Page } from 'playwright'
import env from '#start/env'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'
import encryption from '@adonisjs/core/services/encryption'
import { platformDb } from '#core/tenancy/tenant_db'
import { startFreeradiusHarness } from '../../freeradius/harness.js'
import { startCoaResponder } from '../helpers/coa_responder.js'

const NAS_IP = '10.77.0.1'
const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)
const modal = (page: Page) => page.getByRole('dialog')

test.group('RADIUS | panel pages', () => {
  test('an owner registers a NAS, sees a session FreeRADIUS reported, a refused login and the day’s usage', async ({
    visit,
    cleanup,
  }) => {
    const tenant = await createTenant({ plugins: ['radius'], name: 'Nusantara Net' })
    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)

    const nav = page.locator('[data-test="sidebar-nav"]')
    await nav.getByRole('link', { name: 'Pengaturan RADIUS' }).click()
    await page.waitForURL(`${baseUrl()}/radius/settings`)
    await page.assertTextContains('[data-test="empty-state"]', 'Belum ada NAS terdaftar')
    await page.assertTextContains('[data-test="caller-secret"]', 'Sudah diatur')

    // An address that is not one: the message shows under the field and the form stays open.
    await page.locator('[data-test="add-nas"]').click()
    await field(page, 'name').locator('input').fill('rtr-cempaka')
    await field(page, 'ipAddress').locator('input').fill('10.77.0.300')
    await field(page, 'secret').locator('input').fill('rahasia-nas-1')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-ipAddress"]', 'alamat IP yang valid')
    await page.assertVisible(field(page, 'name').locator('input'))
    await screenshot(page, 'radius_nas_form_error')

    await field(page, 'ipAddress').locator('input').fill(NAS_IP)
    await modal(page).locator('[data-test="save"]').click()
    await page.assertNotExists('[role="dialog"]')
    await page.assertTextContains('[data-test="nas-list"]', 'rtr-cempaka')
    await page.assertTextContains('[data-test="nas-list"]', NAS_IP)
    await page.assertTextContains('[data-test="nas-list"]', '3799')
    await screenshot(page, 'radius_settings')

    // The same address twice: refused under the field, in the panel's language.
    await page.locator('[data-test="add-nas"]').click()
    await field(page, 'name').locator('input').fill('rtr-kembar')
    await field(page, 'ipAddress').locator('input').fill(NAS_IP)
    await field(page, 'secret').locator('input').fill('rahasia-nas-1')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-ipAddress"]', 'sudah terdaftar sebagai NAS')
    await modal(page).getByRole('button', { name: 'Batal' }).click()
    await page.assertNotExists('[role="dialog"]')

    // A real FreeRADIUS calling this platform; radclient plays the router.
    const harness = await startFreeradiusHarness({
      platformUrl: `http://127.0.0.1:${env.get('PORT')}`,
      secret: env.get('RADIUS_API_SECRET')!,
      restTimeoutSeconds: 2,
    })
    cleanup(() => harness.stop())
    const session = {
      'User-Name': 'budi.santoso',
      'NAS-IP-Address': NAS_IP,
      'Acct-Session-Id': '81f00001',
      'Framed-IP-Address': '10.5.50.21',
      'Calling-Station-Id': 'AA:BB:CC:00:11:22',
    }
    const start = await harness.send('acct', { ...session, 'Acct-Status-Type': 'Start' })
    if (start.code !== 'Accounting-Response') throw new Error(`accounting Start got ${start.code}`)
    await harness.send('acct', {
      ...session,
      'Acct-Status-Type': 'Interim-Update',
      'Acct-Session-Time': 600,
      'Acct-Input-Octets': 52_428_800,
      'Acct-Output-Octets': 1_073_741_824,
      'Acct-Output-Gigawords': 1,
    })
    const refused = await harness.send('auth', {
      'User-Name': 'tamu.asing',
      'User-Password': 'salah',
      'NAS-IP-Address': NAS_IP,
    })
    if (refused.code !== 'Access-Reject') throw new Error(`unknown user got ${refused.code}`)

    await nav.getByRole('link', { name: 'Sesi RADIUS' }).click()
    await page.waitForURL(`${baseUrl()}/radius/sessions`)
    await page.assertTextContains('[data-test="data-table"]', 'budi.santoso')
    await page.assertTextContains('[data-test="data-table"]', 'rtr-cempaka')
    // Output octets with one gigaword: 4 GiB + 1 GiB received by the customer.
    await page.assertTextContains('[data-test="data-table"]', '5 GB')
    await page.assertVisible(page.locator('[data-test="disconnect"]'))
    await screenshot(page, 'radius_sessions')

    // The login log says why the stranger was refused, in words; the filter narrows to refusals.
    await page.locator('[data-test="tab-log"]').click()
    await page.waitForURL(`${baseUrl()}/radius/log`)
    await page.locator('[data-test="field-result"] select').selectOption('reject')
    await page.waitForURL(/result=reject/)
    await page.assertTextContains('[data-test="data-table"]', 'tamu.asing')
    await page.assertTextContains('[data-test="reject-reason"]', 'Username tidak dikenal')
    await screenshot(page, 'radius_login_log')

    await nav.getByRole('link', { name: 'Pemakaian internet' }).click()
    await page.waitForURL(`${baseUrl()}/radius/usage`)
    await page.assertTextContains('[data-test="data-table"]', 'budi.santoso')
    await page.assertTextContains('[data-test="data-table"]', '5 GB')
    await page.assertTextContains('[data-test="data-table"]', '50 MB')
    await page.assertTextContains('[data-test="usage-total"]', '5 GB')
    await screenshot(page, 'radius_usage')

    await page.setViewportSize({ width: 390, height: 844 })
    await page.assertVisible(page.getByText('budi.santoso'))
    await screenshot(page, 'radius_usage_phone')
  }).timeout(90_000)

  test('the history speaks English and says when nothing matches', async ({ visit }) => {
    const tenant = await createTenant({ plugins: ['radius'] })
    const page = await visit('/login')
    await page.locator('[data-test="language-switch"]').getByRole('button', { name: 'EN' }).click()
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.goto('/radius/history')
    await page.assertVisible(page.getByRole('heading', { name: 'Session history' }))
    await page.assertTextContains('[data-test="empty-state"]', 'No sessions yet')
    await field(page, 'username').locator('input').fill('nobody')
    await page.locator('[data-test="apply-filters"]').click()
    await page.waitForURL(/username=nobody/)
    await page.assertTextContains('[data-test="empty-state"]', 'No session matches these filters')
    await screenshot(page, 'radius_history_en')
  })

  test('an operator disconnects one customer and slows another down, after confirming', async ({
    visit,
    assert,
    cleanup,
  }) => {
    const router = await startCoaResponder({ secret: 'rahasia-nas-2' })
    cleanup(() => router.close())
    const tenant = await createTenant({ plugins: ['radius'] })
    // The router is this machine: its CoA listener is the responder above.
    await platformDb()
      .table('radius_nas')
      .insert({
        tenant_id: tenant.id,
        name: 'rtr-lokal',
        ip_address: '127.0.0.1',
        coa_port: router.port,
        secret_encrypted: encryption.encrypt('rahasia-nas-2'),
      })
    cleanup(async () => {
      await platformDb().from('radius_nas').where('ip_address', '127.0.0.1').delete()
    })
    const harness = await startFreeradiusHarness({
      platformUrl: `http://127.0.0.1:${env.get('PORT')}`,
      secret: env.get('RADIUS_API_SECRET')!,
      restTimeoutSeconds: 2,
    })
    cleanup(() => harness.stop())
    for (const [username, id] of [
      ['andi', '82000001'],
      ['wulan', '82000002'],
    ]) {
      await harness.send('acct', {
        'User-Name': username,
        'NAS-IP-Address': '127.0.0.1',
        'Acct-Session-Id': id,
        'Acct-Status-Type': 'Start',
      })
    }

    const page = await visit('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.waitForURL(`${baseUrl()}/`)
    await page.goto('/radius/sessions')
    const row = (name: string) => page.getByRole('row').filter({ hasText: name })

    await row('andi').locator('[data-test="disconnect"]').click()
    await page.assertTextContains('[role="dialog"]', 'Putuskan andi?')
    await screenshot(page, 'radius_disconnect_confirm')
    await modal(page).locator('[data-test="confirm"]').click()
    await page.assertVisible(
      page.getByText('andi: router mengonfirmasi pemutusan.', { exact: true })
    )
    assert.containsSubset(router.received[0], {
      code: 'Disconnect-Request',
      verified: true,
      attributes: { 'User-Name': 'andi', 'Acct-Session-Id': '82000001' },
    })

    // A speed the router could not read is caught before anything is sent.
    await row('wulan').locator('[data-test="change-speed"]').click()
    await field(page, 'rateLimit').locator('input').fill('cepat sekali')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertTextContains('[data-test="field-rateLimit"]', 'unggah/unduh')
    assert.lengthOf(router.received, 1)
    await field(page, 'rateLimit').locator('input').fill('5M/10M')
    await modal(page).locator('[data-test="save"]').click()
    await page.assertVisible(
      page.getByText('wulan: router mengonfirmasi perubahan.', { exact: true })
    )
    assert.containsSubset(router.received[1], {
      code: 'CoA-Request',
      verified: true,
      attributes: { 'User-Name': 'wulan', 'Mikrotik-Rate-Limit': '5M/10M' },
    })
    await screenshot(page, 'radius_coa_done')
  }).timeout(90_000)
})
