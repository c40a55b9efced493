import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findRouterOrFail } from '../models/router_queries.js'
import { useRouter } from '../services/router_gateway.js'
import { answeringForRouter } from '../services/router_errors.js'
import { readLeases } from '../services/router_reads.js'

export default class ListRouterDhcpLeases {
  static docs: EndpointDocs = {
    summary: 'DHCP leases of a router: which device holds which address',
    tags: ['mikrotik'],
    responses: {
      200: '{ data: [{ id, address, macAddress, hostName, server, status, expiresAfter, ... }] }',
      404: 'ROUTER_NOT_FOUND',
      502: 'ROUTER_UNREACHABLE, ROUTER_AUTH_FAILED or another router failure',
      504: 'ROUTER_TIMEOUT',
    },
  }

  async handle({ params, response, tenantDb }: HttpContext) {
    const router = await findRouterOrFail(await tenantDb(), params.id)
    const leases = await answeringForRouter(router, () => useRouter(router, readLeases))
    return response.ok({ data: leases })
  }
}
