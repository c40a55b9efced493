import 'reflect-metadata'
import { Ignitor } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'

const APP_ROOT = new URL('../../', import.meta.url)

// The same importer as bin/console.ts: relative imports resolve from the app root.
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

/**
 * Boots the app in this process, as `node ace` does for a command that
 * needs it (providers, preloads, kernel with the installed plugins), but
 * without an HTTP server or queue workers. The environment must already be
 * in process.env: it wins over .env when #start/env validates.
 */
export async function bootApp(env: Record<string, string>): Promise<ApplicationService> {
  Object.assign(process.env, env)
  const app = new Ignitor(APP_ROOT, { importer: IMPORTER })
    .tap((created) => {
      created.booting(async () => {
        await import('#start/env')
      })
    })
    .createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  return app
}
