import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom, requireAnyField } from '#core/team/acting'
import { updatePackageValidator } from '../validators/packages.js'
import { updatePackage } from '../services/package_changes.js'
import { findPackageOrFail } from '../services/package_queries.js'

const FIELDS = [
  'name',
  'type',
  'periodDays',
  'price',
  'service',
  'downloadKbps',
  'uploadKbps',
  'burst',
  'quotaBytes',
  'profileName',
  'addressPool',
  'active',
]

export default class UpdatePackage {
  static docs: EndpointDocs = {
    summary:
      'Change a package; accounts on it get the new speeds at their next login. `active: false` stops selling it',
    tags: ['packages'],
    body: updatePackageValidator,
    responses: {
      200: 'The package as changed',
      404: 'PACKAGE_NOT_FOUND',
      422: 'Invalid fields, a burst that could never start, or the name is taken',
    },
  }

  async handle(ctx: HttpContext) {
    await findPackageOrFail(await ctx.tenantDb(), ctx.params.id)
    const change = await ctx.request.validateUsing(updatePackageValidator)
    requireAnyField(change, FIELDS)
    return ctx.response.ok(await updatePackage(await actingFrom(ctx), ctx.params.id, change))
  }
}
