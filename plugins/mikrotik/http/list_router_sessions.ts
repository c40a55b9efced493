import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listSessionsValidator } from '../validators.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { useRouter } from '../services/router_gateway.js'
import { answeringForRouter } from '../services/router_errors.js'
import { readSessions } from '../services/router_sessions.js'
import { cacheSessions, cachedSessions } from '../services/session_cache.js'

export default class ListRouterSessions {
  static docs: EndpointDocs = {
    summary: 'Online customers of a router: hotspot and PPPoE sessions',
    description:
      'Served from the list the last sync cached while it is fresh (source "cache"), otherwise read from the router (source "live"). refresh=true always asks the router.',
    tags: ['mikrotik'],
    query: listSessionsValidator,
    responses: {
      200: '{ data: [{ id, type, user, address, macAddress, uptime, bytesIn, bytesOut }], source, syncedAt }',
      404: 'ROUTER_NOT_FOUND',
      502: 'ROUTER_UNREACHABLE, ROUTER_AUTH_FAILED or another router failure',
      504: 'ROUTER_TIMEOUT',
    },
  }

  async handle({ params, request, response, tenantDb, tenant }: HttpContext) {
    const { refresh } = await request.validateUsing(listSessionsValidator)
    const router = await findRouterOrFail(await tenantDb(), params.id)
    if (!refresh) {
      const cached = await cachedSessions(tenant!.id, router.id)
      if (cached) {
        return response.ok({ data: cached.sessions, source: 'cache', syncedAt: cached.syncedAt })
      }
    }
    const sessions = await answeringForRouter(router, () => useRouter(router, readSessions))
    const fresh = await cacheSessions(tenant!.id, router.id, sessions)
    return response.ok({ data: sessions, source: 'live', syncedAt: fresh.syncedAt })
  }
}
