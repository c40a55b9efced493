import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findPackageOrFail, presentPackage } from '../services/package_queries.js'

export default class ShowPackage {
  static docs: EndpointDocs = {
    summary: 'One service package, with the RADIUS reply and MikroTik profile it maps to',
    tags: ['packages'],
    responses: { 200: 'The package', 404: 'PACKAGE_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    const row = await findPackageOrFail(await ctx.tenantDb(), ctx.params.id)
    return ctx.response.ok(presentPackage(row))
  }
}
