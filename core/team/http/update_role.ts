import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { ApiError } from '../../http/api_error.js'
import { updateRoleValidator } from '../validators.js'
import { updateRole } from '../role_changes.js'
import { actingFrom, isUuid, requireAnyField } from '../acting.js'

export default class UpdateRole {
  static docs: EndpointDocs = {
    summary:
      "Rename a custom role or change a role's permissions (built-in roles keep their name; the owner keeps everything)",
    tags: ['team'],
    body: updateRoleValidator,
    responses: {
      200: 'The role as changed',
      403: 'Permission missing, or FEATURE_NOT_IN_PLAN',
      404: 'ROLE_NOT_FOUND',
      409: 'SYSTEM_ROLE_LOCKED or OWNER_ROLE_LOCKED',
    },
  }

  async handle(ctx: HttpContext) {
    const id = ctx.params.id
    if (!isUuid(id)) {
      throw new ApiError(404, 'ROLE_NOT_FOUND', 'This role does not exist in your account.')
    }
    const input = await ctx.request.validateUsing(updateRoleValidator)
    requireAnyField(input, ['name', 'slug', 'permissions'])
    return ctx.response.ok(await updateRole(await actingFrom(ctx), id, input))
  }
}
