import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { ADMIN_ONLY_RESPONSES } from '../super_admin.js'
import { listAuditLogsValidator } from '../validators.js'
import { searchAuditLogs } from '../audit_search.js'

export default class ListAuditLogs {
  static docs: EndpointDocs = {
    summary:
      "Every tenant's audit log, newest first; filter by tenant, action (or prefix like plugin.*), actor and date range",
    tags: ['platform'],
    query: listAuditLogsValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ data, meta: { total, page, perPage, lastPage } }',
    },
  }

  async handle({ request, response }: HttpContext) {
    const filters = await request.validateUsing(listAuditLogsValidator)
    return response.ok(await searchAuditLogs(filters))
  }
}
