import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { groupedCatalog } from '../permission_catalog.js'

export default class ListPermissions {
  static docs: EndpointDocs = {
    summary:
      'Every permission a role can grant (core and installed modules), grouped by area, with descriptions',
    tags: ['team'],
  }

  async handle(ctx: HttpContext) {
    return ctx.response.ok({ data: groupedCatalog() })
  }
}
