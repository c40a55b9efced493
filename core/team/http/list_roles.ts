import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { listRoles, presentRole } from '../role_queries.js'

export default class ListRoles {
  static docs: EndpointDocs = {
    summary: 'The roles of the account with their permissions and how many members hold each',
    tags: ['team'],
  }

  async handle(ctx: HttpContext) {
    const roles = await listRoles(await ctx.tenantDb(), ctx.tenant!.id)
    return ctx.response.ok({ data: roles.map(presentRole) })
  }
}
