import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findRouterOrFail } from '../models/router_queries.js'
import { presentRouter } from '../models/router_presenter.js'

export default class ShowRouter {
  static docs: EndpointDocs = {
    summary: 'Show a router with its last known status (never its API password)',
    tags: ['mikrotik'],
    responses: { 200: 'The router', 404: 'ROUTER_NOT_FOUND' },
  }

  async handle({ params, response, tenantDb }: HttpContext) {
    return response.ok(presentRouter(await findRouterOrFail(await tenantDb(), params.id)))
  }
}
