import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listPackagesQuery } from '../validators/packages.js'
import { listPackages } from '../services/package_queries.js'

export default class ListPackages {
  static docs: EndpointDocs = {
    summary:
      'Service packages by name, each with its subscription count and the RADIUS reply and MikroTik profile it maps to',
    tags: ['packages'],
    query: listPackagesQuery,
    responses: { 200: '`{ data: [package], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listPackagesQuery)
    return ctx.response.ok(await listPackages(await ctx.tenantDb(), filters))
  }
}
