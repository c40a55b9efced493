import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { ApiError } from '../../http/api_error.js'
import { deleteRole } from '../role_changes.js'
import { actingFrom, isUuid } from '../acting.js'

export default class DeleteRole {
  static docs: EndpointDocs = {
    summary: 'Delete a custom role that nobody holds any more',
    tags: ['team'],
    responses: {
      204: 'Deleted',
      404: 'ROLE_NOT_FOUND',
      409: 'SYSTEM_ROLE_LOCKED, or ROLE_IN_USE: says how many users still hold it',
    },
  }

  async handle(ctx: HttpContext) {
    const id = ctx.params.id
    if (!isUuid(id)) {
      throw new ApiError(404, 'ROLE_NOT_FOUND', 'This role does not exist in your account.')
    }
    await deleteRole(await actingFrom(ctx), id)
    return ctx.response.noContent()
  }
}
