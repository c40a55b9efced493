import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findRouterOrFail } from '../models/router_queries.js'
import { useRouter } from '../services/router_gateway.js'
import { answeringForRouter } from '../services/router_errors.js'
import { readUsers } from '../services/router_reads.js'

export default class ListRouterUsers {
  static docs: EndpointDocs = {
    summary: 'Hotspot users and PPP secrets configured on a router, without their passwords',
    tags: ['mikrotik'],
    responses: {
      200: '{ data: [{ id, type: hotspot|pppoe, name, profile, comment, disabled, ... }] }',
      404: 'ROUTER_NOT_FOUND',
      502: 'ROUTER_UNREACHABLE, ROUTER_AUTH_FAILED or another router failure',
      504: 'ROUTER_TIMEOUT',
    },
  }

  async handle({ params, response, tenantDb }: HttpContext) {
    const router = await findRouterOrFail(await tenantDb(), params.id)
    const users = await answeringForRouter(router, () => useRouter(router, readUsers))
    return response.ok({ data: users })
  }
}
