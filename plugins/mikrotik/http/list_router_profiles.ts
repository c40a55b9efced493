import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findRouterOrFail } from '../models/router_queries.js'
import { useRouter } from '../services/router_gateway.js'
import { answeringForRouter } from '../services/router_errors.js'
import { readProfiles } from '../services/router_accounts.js'

export default class ListRouterProfiles {
  static docs: EndpointDocs = {
    summary: 'Hotspot user profiles and PPP profiles of a router, with their rate limits',
    tags: ['mikrotik'],
    responses: {
      200: '{ hotspot: [{ name, rateLimit }], pppoe: [{ name, rateLimit }] }',
      404: 'ROUTER_NOT_FOUND',
      502: 'ROUTER_UNREACHABLE, ROUTER_AUTH_FAILED or another router failure',
      504: 'ROUTER_TIMEOUT',
    },
  }

  async handle({ params, response, tenantDb }: HttpContext) {
    const router = await findRouterOrFail(await tenantDb(), params.id)
    return response.ok(await answeringForRouter(router, () => useRouter(router, readProfiles)))
  }
}
