import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { createPackageValidator } from '../validators/packages.js'
import { createPackage } from '../services/package_changes.js'

export default class CreatePackage {
  static docs: EndpointDocs = {
    summary:
      'Add a service package: speeds in kbps, optional burst and quota, price in IDR; prepaid packages need periodDays',
    tags: ['packages'],
    body: createPackageValidator,
    responses: {
      201: 'The package, with the RADIUS reply and MikroTik profile it maps to',
      422: 'Invalid fields, a burst that could never start, or the name is taken',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createPackageValidator)
    return ctx.response.created(await createPackage(await actingFrom(ctx), input))
  }
}
