import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findRouterOrFail } from '../models/router_queries.js'
import { presentRouter } from '../models/router_presenter.js'
import { probeRouter, recordProbe } from '../services/router_status.js'

export default class TestRouterConnection {
  static docs: EndpointDocs = {
    summary: 'Log in to the router with the stored credentials and refresh its status',
    description:
      'Reads /system/resource and /system/identity. A router that is down is an answer, not an error: 200 with ok=false, status offline and the reason.',
    tags: ['mikrotik'],
    responses: {
      200: '{ ok, status, error?: { code, message }, router }',
      404: 'ROUTER_NOT_FOUND',
    },
  }

  async handle({ params, response, tenantDb }: HttpContext) {
    const trx = await tenantDb()
    const router = await findRouterOrFail(trx, params.id)
    const outcome = await probeRouter(router)
    const saved = await recordProbe(trx, router.id, outcome)
    return response.ok({
      ok: outcome.ok,
      status: outcome.status,
      ...(outcome.ok
        ? {}
        : { error: { code: outcome.error.code, message: outcome.error.message } }),
      router: presentRouter(saved ?? router),
    })
  }
}
