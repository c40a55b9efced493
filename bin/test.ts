process.env.NODE_ENV = 'test'

import 'reflect-metadata'
import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'

const APP_ROOT = new URL('../', import.meta.url)

/*
 * `node ace test` runs this file in a child process that inherits the ace
 * process's environment, which already holds the development `.env`. The
 * test settings must win, or tests would migrate and wipe the dev database.
 */
const testEnvFile = new URL('.env.test', APP_ROOT)
if (existsSync(testEnvFile)) {
  Object.assign(process.env, parseEnv(readFileSync(testEnvFile, 'utf8')))
}
// Explicit overrides still win: `TEST__DB_DATABASE=x` sets DB_DATABASE=x for this run.
for (const [key, value] of Object.entries(process.env)) {
  if (key.startsWith('TEST__') && value !== undefined) process.env[key.slice(6)] = value
}

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([() => app.terminate()]),
      },
    })
  })
  .run(() => run())
  .catch(async (error) => {
    await prettyPrintError(error)
    // A failed boot may leave connections and timers open: exit rather than hang.
    process.exit(1)
  })
