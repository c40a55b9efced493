import { existsSync } from 'node:fs'
import { chromium } from 'playwright'
import app from '@adonisjs/core/services/app'
import type { Page } from 'playwright'
import { buildAssets } from '../../bin/build_assets.js'

/** The machine's Chromium: browsers cannot be downloaded where the suite runs. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Headless Chromium with nothing that phones home. `launch` gives every run
 * a fresh temporary profile (user data dir) and deletes it on close.
 */
export function launchChromium(options: { headless?: boolean; slowMo?: number }) {
  return chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    headless: options.headless ?? true,
    slowMo: options.slowMo,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
}

/**
 * The test app starts Vite's dev server, which the HTTP server does not
 * mount; browser tests load the built bundle instead, as production does.
 */
export async function useBuiltAssets() {
  await buildAssets()
  const vite = await app.container.make('vite')
  await vite.stopDevServer()
  vite.hasManifestFile = true
}

/** The address of the test server, as the browser reaches it. */
export const baseUrl = () => `http://127.0.0.1:${process.env.PORT}`

/** Saves a screenshot under tests/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string) {
  // After requests and transitions settle, so the picture shows the page a person sees.
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300)
  await page.screenshot({
    path: app.makePath('tests', 'screenshots', `${name}.png`),
    fullPage: true,
  })
}

/** Signs in through the real form, as a person would, and waits for the page that follows. */
export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(/email/i).fill(email)
  await page.getByLabel(/kata sandi|password/i).fill(password)
  await page.getByRole('button', { name: /^(masuk|sign in)$/i }).click()
}
