import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { listUsersQuery } from '../validators.js'
import { listMembers } from '../member_queries.js'

export default class ListUsers {
  static docs: EndpointDocs = {
    summary:
      'The team of the account: paginated, searchable by name or email, filterable by status and role',
    tags: ['team'],
    query: listUsersQuery,
    responses: { 200: '`{ data: [user], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listUsersQuery)
    const trx = await ctx.tenantDb()
    return ctx.response.ok(
      await listMembers(trx, ctx.tenant!.id, {
        ...filters,
        page: filters.page ?? 1,
        perPage: filters.perPage ?? 20,
      })
    )
  }
}
