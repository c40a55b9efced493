import app from '@adonisjs/core/services/app'
import type { Server } from 'node:http'
import env from '#start/env'
import type { PluginHookContext } from '#core/plugins/types'
import { listenForForgets } from './account_cache.js'
import { onLoginLogError, stopLoginLog } from './login_log.js'
import { listenForNasChanges } from './nas_directory.js'
import { createRestServer, listen } from './rest_server.js'
import { closeTenantSql } from './tenant_sql.js'

let restServer: { server: Server; port: number } | undefined

/** The port of the lean rlm_rest listener of this process, when it runs. */
export const restServerPort = () => restServer?.port

/**
 * Once per process: listen for cache invalidations from other processes,
 * start the lean rlm_rest listener (web: when RADIUS_REST_PORT is set; tests:
 * always, on a free port), and on a graceful stop close it, then write the
 * buffered login log before the database pool closes. Registered at boot,
 * before the HTTP server starts, so the stop hook runs after the app port
 * stopped taking requests (AdonisJS runs terminating hooks in reverse order).
 */
export async function boot({ logger }: PluginHookContext) {
  onLoginLogError((error, pending) =>
    logger.error({ err: error, pending }, 'RADIUS login log not written yet; kept for a retry')
  )
  const environment = app.getEnvironment()
  if (environment !== 'web' && environment !== 'test') return
  await Promise.all([listenForForgets(), listenForNasChanges()])
  const port = environment === 'test' ? 0 : env.get('RADIUS_REST_PORT')
  if (port !== undefined) {
    const server = createRestServer(logger)
    restServer = { server, port: await listen(server, port, env.get('HOST')) }
    logger.info('RADIUS rlm_rest listener on %s:%s', env.get('HOST'), restServer.port)
  }
  app.terminating(async () => {
    if (restServer) await close(restServer.server)
    await stopLoginLog()
    await closeTenantSql()
  })
}

/** Stops taking connections, lets requests in hand finish (2 s at most), then drops the rest. */
async function close(server: Server) {
  const closed = new Promise((resolve) => server.close(resolve))
  const deadline = Date.now() + 2000
  while (Date.now() < deadline && server.listening === false) {
    server.closeIdleConnections()
    if (await Promise.race([closed.then(() => true), sleep(50).then(() => false)])) return
  }
  server.closeAllConnections()
  await closed
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
