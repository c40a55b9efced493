import { test } from '@japa/runner'
import type { Page } from 'playwright'
import env from '#start/env'
import { createTenant, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, screenshot, signIn } from '#tests/helpers/browser'
import { SmtpSink } from '#tests/helpers/smtp_sink'

const field = (page: Page, name: string) => page.locator(`[data-test="field-${name}"]`)

async function signInAt(page: Page, email: string, password: string) {
  await page.goto('/login')
  await signIn(page, email, password)
  await page.waitForURL(`${baseUrl()}/`)
}

test.group('Panel | profile', () => {
  test('the language chosen on one device follows the user to another', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Nusantara' })
    const page = await visit('/login')
    await signInAt(page, tenant.owner.email, TEST_PASSWORD)
    await page.goto('/profile')
    await page.assertVisible(page.getByRole('heading', { level: 1, name: 'Profil saya' }))
    await page
      .locator('[data-test="profile-language"]')
      .getByRole('button', { name: 'English' })
      .click()
    await page.assertVisible(page.getByRole('heading', { level: 1, name: 'My profile' }))
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')
    await screenshot(page, 'profile_en')

    // Another device: a fresh browser with an Indonesian system language and nothing stored.
    const other = await browserContext
      .browser()!
      .newContext({ baseURL: baseUrl(), locale: 'id-ID' })
    const phone = await other.newPage()
    await phone.setViewportSize({ width: 390, height: 844 })
    await phone.goto('/login')
    await signIn(phone, tenant.owner.email, TEST_PASSWORD)
    await phone.waitForURL(`${baseUrl()}/`)
    await phone.waitForSelector('text=Welcome')
    assert.equal(await phone.locator('html').getAttribute('lang'), 'en')
    // Server messages follow too: a refused form answers in English.
    await phone.goto('/profile')
    await phone.locator('[data-test="field-currentPassword"] input').fill('wrong-password')
    await phone.locator('[data-test="field-password"] input').fill('short')
    await phone.locator('[data-test="change-password"]').click()
    await phone.waitForSelector('[data-test="field-password"] >> text=at least 8 characters')
    await other.close()
  })

  test('a user changes their password with the current one, and signs in with the new one', async ({
    visit,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Nusantara' })
    const page = await visit('/login')
    await signInAt(page, tenant.owner.email, TEST_PASSWORD)
    await page.getByRole('button', { name: 'Menu pengguna' }).click()
    await page.getByRole('menuitem', { name: 'Profil saya' }).click()
    await page.waitForURL(`${baseUrl()}/profile`)
    await page.assertTextContains('[data-test="field-email"]', '')
    await page.assertInputValue('[data-test="profile-email"]', tenant.owner.email)

    // A wrong current password and a confirmation that differs: both refused inline.
    await field(page, 'currentPassword').locator('input').fill('bukan-sandi-ini')
    await field(page, 'password').locator('input').fill('sandi-baru-123')
    await field(page, 'passwordConfirmation').locator('input').fill('sandi-baru-124')
    await page.locator('[data-test="change-password"]').click()
    await page.assertTextContains(
      '[data-test="field-passwordConfirmation"]',
      'Konfirmasi kata sandi tidak sama'
    )
    await field(page, 'passwordConfirmation').locator('input').fill('sandi-baru-123')
    await field(page, 'currentPassword').locator('input').fill('bukan-sandi-ini')
    await field(page, 'password').locator('input').fill('sandi-baru-123')
    await page.locator('[data-test="change-password"]').click()
    await page.assertTextContains(
      '[data-test="field-currentPassword"]',
      'Kata sandi saat ini salah'
    )
    await screenshot(page, 'profile_password_error')

    await field(page, 'currentPassword').locator('input').fill(TEST_PASSWORD)
    await field(page, 'password').locator('input').fill('sandi-baru-123')
    await field(page, 'passwordConfirmation').locator('input').fill('sandi-baru-123')
    await page.locator('[data-test="change-password"]').click()
    await page.waitForSelector('text=Kata sandi diganti')
    await screenshot(page, 'profile')

    await page.context().clearCookies()
    await page.goto('/login')
    await signIn(page, tenant.owner.email, TEST_PASSWORD)
    await page.assertTextContains('[data-test="field-email"]', 'Email atau kata sandi salah')
    await signInAt(page, tenant.owner.email, 'sandi-baru-123')
  })
})

test.group('Panel | password reset', (group) => {
  let sink: SmtpSink
  group.setup(async () => {
    sink = await SmtpSink.start(env.get('SMTP_PORT')!)
    return () => sink.close()
  })

  test('forgot password → emailed link → a weak password refused → new password → sign in; the link works once', async ({
    visit,
  }) => {
    const tenant = await createTenant({ name: 'Jaringan Nusantara' })
    const page = await visit('/login')
    await page.locator('[data-test="forgot-password"]').click()
    await page.waitForURL(`${baseUrl()}/forgot-password`)
    await page.getByLabel('Email').fill(tenant.owner.email)
    await page.getByRole('button', { name: 'Kirim tautan' }).click()
    await page.assertVisible('[data-test="reset-link-sent"]')
    await screenshot(page, 'forgot_password_sent')

    const mail = await sink.waitFor((m) => m.to.includes(tenant.owner.email))
    const token = /\/reset-password\?token=([\w-]+)/.exec(mail.text)![1]
    await page.goto(`/reset-password?token=${token}`)
    await field(page, 'password').locator('input').fill('pendek')
    await field(page, 'passwordConfirmation').locator('input').fill('pendek')
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click()
    await page.assertTextContains('[data-test="field-password"]', 'Kata sandi minimal 8 karakter')
    await screenshot(page, 'reset_password_weak')

    await field(page, 'password').locator('input').fill('sandi-dari-email-1')
    await field(page, 'passwordConfirmation').locator('input').fill('sandi-dari-email-1')
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click()
    await page.waitForURL(`${baseUrl()}/login`)
    await page.assertVisible('[data-test="password-reset-done"]')
    await signIn(page, tenant.owner.email, 'sandi-dari-email-1')
    await page.waitForURL(`${baseUrl()}/`)

    // The same link again: refused with the way to ask for a new one.
    await page.context().clearCookies()
    await page.goto(`/reset-password?token=${token}`)
    await field(page, 'password').locator('input').fill('sandi-lain-12345')
    await field(page, 'passwordConfirmation').locator('input').fill('sandi-lain-12345')
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click()
    await page.assertTextContains('[data-test="reset-link-error"]', 'sudah dipakai')
    await page.assertVisible(page.getByRole('link', { name: 'Minta tautan baru' }))
    await screenshot(page, 'reset_password_used_link')
  })
})
