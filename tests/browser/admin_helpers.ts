import type { Browser, Page } from 'playwright'
import { createPlatformAdmin, TEST_PASSWORD } from '#tests/helpers/tenants'
import { baseUrl, signIn } from '#tests/helpers/browser'

/** A fresh super admin signed in through the form; the panel lands on the platform dashboard. */
export async function signInAsAdmin(page: Page) {
  const admin = await createPlatformAdmin()
  await page.goto('/login')
  await signIn(page, admin.email, TEST_PASSWORD)
  await page.waitForURL(`${baseUrl()}/admin`)
  return admin
}

/** A second browser (its own cookies) signed in as a tenant's user, in Indonesian like the first. */
export async function signInElsewhere(browser: Browser, email: string) {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  })
  const page = await context.newPage()
  await page.goto('/login')
  await signIn(page, email, TEST_PASSWORD)
  await page.waitForLoadState('networkidle')
  return { page, close: () => context.close() }
}
