import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { deletePackage } from '../services/package_changes.js'

export default class DeletePackage {
  static docs: EndpointDocs = {
    summary: 'Remove a package that no subscription uses',
    tags: ['packages'],
    responses: {
      204: 'Deleted',
      404: 'PACKAGE_NOT_FOUND',
      409: 'PACKAGE_IN_USE: says how many subscriptions use it',
    },
  }

  async handle(ctx: HttpContext) {
    await deletePackage(await actingFrom(ctx), ctx.params.id)
    return ctx.response.noContent()
  }
}
