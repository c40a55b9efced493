import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listSyncLogsValidator } from '../validators.js'
import { findRouterOrFail } from '../models/router_queries.js'
import { listSyncLogs } from '../models/sync_log_queries.js'

export default class ListSyncLogs {
  static docs: EndpointDocs = {
    summary: 'Sync history of a router, newest first: when, how long, outcome, reason, counts',
    tags: ['mikrotik'],
    query: listSyncLogsValidator,
    responses: {
      200: '{ data: [{ id, startedAt, finishedAt, durationMs, outcome, message, hotspot, pppoe }], meta }',
      404: 'ROUTER_NOT_FOUND',
    },
  }

  async handle({ params, request, response, tenantDb }: HttpContext) {
    const filters = await request.validateUsing(listSyncLogsValidator)
    const trx = await tenantDb()
    const router = await findRouterOrFail(trx, params.id)
    return response.ok(await listSyncLogs(trx, router.id, filters))
  }
}
