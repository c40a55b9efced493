import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import testUtils from '@adonisjs/core/services/test_utils'
import { browserClient } from '@japa/browser-client'
import { baseUrl, launchChromium, useBuiltAssets } from '#tests/helpers/browser'

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  browserClient({
    runInSuites: ['browser'],
    launcher: launchChromium,
    contextOptions: { baseURL: baseUrl(), locale: 'id-ID', timezoneId: 'Asia/Jakarta' },
  }),
]

/**
 * The test database is rebuilt from scratch at the start of each run, so a
 * run never depends on what an earlier (or aborted) run left behind.
 */
async function freshDatabase() {
  const ace = await app.container.make('ace')
  const command = await ace.exec('migration:fresh', [
    '--force',
    '--drop-types',
    '--connection=platform',
  ])
  if (command.exitCode !== 0) {
    throw command.error ?? new Error('migration:fresh failed on the test database')
  }
}

/**
 * Redis state of earlier runs (sign-in throttles, caches, queues) is dropped:
 * every key of the test prefix, never anything else.
 */
async function freshRedis() {
  const redis = (await import('@adonisjs/redis/services/main')).default
  const prefix = env.get('REDIS_PREFIX')
  if (!prefix || prefix === 'isp') {
    throw new Error(
      'The test env needs a REDIS_PREFIX of its own (see .env.test), not the platform one'
    )
  }
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
    if (keys.length) await redis.del(...keys)
    cursor = next
  } while (cursor !== '0')
}

/** API tokens need a key pair; a fresh clone gets a development one. */
async function tokenKeys() {
  const ace = await app.container.make('ace')
  const command = await ace.exec('auth:keys', [])
  if (command.exitCode !== 0) throw command.error ?? new Error('auth:keys failed')
}

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [freshDatabase, freshRedis, tokenKeys],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  // Browser tests load the built bundle: built here when missing or stale.
  if (suite.name === 'browser') suite.setup(useBuiltAssets)
  if (['browser', 'functional', 'e2e'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
