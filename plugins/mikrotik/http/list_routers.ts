import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listRoutersValidator } from '../validators.js'
import { listRouters } from '../models/router_queries.js'

export default class ListRouters {
  static docs: EndpointDocs = {
    summary: 'List the MikroTik routers, by name; search by name or host, filter by status',
    tags: ['mikrotik'],
    query: listRoutersValidator,
    responses: { 200: '{ data, meta: { total, page, perPage, lastPage } }' },
  }

  async handle({ request, response, tenantDb }: HttpContext) {
    const filters = await request.validateUsing(listRoutersValidator)
    return response.ok(await listRouters(await tenantDb(), filters))
  }
}
