import { RouterError, RouterPool, type RouterClient } from '../routeros/index.js'
import { decryptApiPassword } from './router_secrets.js'
import { mikrotikConfig } from './config.js'

/** What the gateway needs to reach a router: a row of `mikrotik_routers`. */
export interface RouterTarget {
  id: string
  name: string
  host: string
  port: number
  tls: boolean
  api_user: string
  api_password_encrypted: string
}

/**
 * One pool for the whole process: every request and job talking to the same
 * router shares one logged-in connection. Entries are keyed by router id and
 * the pool fingerprints host, port, user and password under that key, so a
 * changed password or address never reuses the old login.
 */
const pool = new RouterPool({ idleMs: 60_000 })

function connectOptions(router: RouterTarget) {
  return {
    host: router.host,
    port: router.port,
    tls: router.tls,
    user: router.api_user,
    password: decryptApiPassword(router),
    timeoutMs: mikrotikConfig.routerTimeoutMs,
  }
}

/**
 * Runs `work` on a connection to the router. A pooled connection the router
 * has silently dropped fails with ROUTER_CLOSED on first use: that one case
 * is retried once on a fresh connection, so a router that rebooted since the
 * last call does not show as an error.
 */
export async function useRouter<T>(
  router: RouterTarget,
  work: (client: RouterClient) => Promise<T>
): Promise<T> {
  const options = connectOptions(router)
  const reused = pool.has(router.id)
  try {
    return await pool.use(router.id, options, work)
  } catch (error) {
    if (!(reused && error instanceof RouterError && error.code === 'ROUTER_CLOSED')) throw error
    await pool.close(router.id)
    return pool.use(router.id, options, work)
  }
}

/** Drops the router's connection, e.g. after its settings changed or it was deleted. */
export function forgetRouter(routerId: string): Promise<void> {
  return pool.close(routerId)
}

/** Closes every router connection; called when the process shuts down. */
export function closeRouterConnections(): Promise<void> {
  return pool.closeAll()
}
