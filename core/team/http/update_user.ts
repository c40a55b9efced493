import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { ApiError } from '../../http/api_error.js'
import { updateUserValidator } from '../validators.js'
import { updateMember } from '../member_changes.js'
import { actingFrom, isUuid, requireAnyField } from '../acting.js'

export default class UpdateUser {
  static docs: EndpointDocs = {
    summary:
      "Change a member's name, phone, roles or status; deactivating signs them out everywhere",
    tags: ['team'],
    body: updateUserValidator,
    responses: {
      200: 'The member as changed',
      403: 'Permission missing, or OWNER_ONLY: only an owner can change an owner',
      404: 'USER_NOT_FOUND: not a member of this team',
      409: 'CANNOT_DEACTIVATE_SELF or LAST_OWNER',
    },
  }

  async handle(ctx: HttpContext) {
    const id = ctx.params.id
    if (!isUuid(id)) {
      throw new ApiError(404, 'USER_NOT_FOUND', 'This user is not a member of your team.')
    }
    const change = await ctx.request.validateUsing(updateUserValidator)
    requireAnyField(change, ['fullName', 'phone', 'roles', 'status'])
    return ctx.response.ok(await updateMember(await actingFrom(ctx), id, change))
  }
}
