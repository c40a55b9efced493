import { RouterError } from '../routeros/index.js'
import { useRouter, type RouterTarget } from './router_gateway.js'
import {
  SESSION_MENUS,
  hotspotSession,
  pppoeSession,
  type ActiveSession,
  type SessionType,
} from './router_sessions.js'

export type DisconnectOutcome =
  | { outcome: 'disconnected'; session: ActiveSession }
  /** The session had already ended: nothing to do */
  | { outcome: 'gone' }
  /** The id now belongs to another customer (ids are reused after a reboot): left alone */
  | { outcome: 'changed'; session: ActiveSession }

/** RouterOS session ids look like `*1A`. */
export const SESSION_ID = /^\*[0-9a-f]{1,16}$/i

/**
 * Removes an active session, which is how RouterOS disconnects a customer.
 * The row is read first, to name the customer in the audit log and, for a
 * retry, to make sure the id still belongs to the customer it was meant for.
 */
export function disconnectSession(
  router: RouterTarget,
  type: SessionType,
  sessionId: string,
  expectedUser?: string | null
): Promise<DisconnectOutcome> {
  const menu = SESSION_MENUS[type]
  return useRouter(router, async (client) => {
    const [row] = await client.print(menu, { where: { '.id': sessionId } })
    if (!row) return { outcome: 'gone' }
    const session = type === 'hotspot' ? hotspotSession(row) : pppoeSession(row)
    if (expectedUser && session.user !== expectedUser) return { outcome: 'changed', session }
    try {
      await client.remove(menu, sessionId)
    } catch (error) {
      // Ended between our read and the remove: the customer is offline either way.
      if (error instanceof RouterError && error.code === 'ROUTER_TRAP' && error.category === '0')
        return { outcome: 'gone' }
      throw error
    }
    return { outcome: 'disconnected', session }
  })
}
