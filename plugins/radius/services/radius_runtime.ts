import app from '@adonisjs/core/services/app'
import type { PluginHookContext } from '#core/plugins/types'
import { listenForForgets } from './account_cache.js'
import { onLoginLogError, stopLoginLog } from './login_log.js'
import { listenForNasChanges } from './nas_directory.js'
import { closeTenantSql } from './tenant_sql.js'

/**
 * Once per process: listen for cache invalidations from other processes and,
 * on a graceful stop, write the buffered login log before the database pool
 * closes. Registered at boot, before the HTTP server starts, so the stop hook
 * runs after the server stopped taking requests (AdonisJS runs terminating
 * hooks in reverse order).
 */
export async function boot({ logger }: PluginHookContext) {
  onLoginLogError((error, pending) =>
    logger.error({ err: error, pending }, 'RADIUS login log not written yet; kept for a retry')
  )
  if (['web', 'test'].includes(app.getEnvironment())) {
    await Promise.all([listenForForgets(), listenForNasChanges()])
  }
  app.terminating(async () => {
    await stopLoginLog()
    await closeTenantSql()
  })
}
