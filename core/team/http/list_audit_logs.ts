import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { listAuditLogsQuery } from '../validators.js'
import { listAuditLogs } from '../audit_log_queries.js'

export default class ListAuditLogs {
  static docs: EndpointDocs = {
    summary:
      "The account's audit log, newest first, filterable by action, actor (`user:<id>`) and time range",
    tags: ['team'],
    query: listAuditLogsQuery,
    responses: { 200: '`{ data: [entry], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listAuditLogsQuery)
    const trx = await ctx.tenantDb()
    return ctx.response.ok(
      await listAuditLogs(trx, ctx.tenant!, {
        ...filters,
        page: filters.page ?? 1,
        perPage: filters.perPage ?? 20,
      })
    )
  }
}
