import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '../../../http/api_error.js'
import { updateRoleValidator } from '../../validators.js'
import { updateRole } from '../../role_changes.js'
import { actingFrom, isUuid, requireAnyField } from '../../acting.js'

export default class UpdateRolePage {
  async handle(ctx: HttpContext) {
    if (!isUuid(ctx.params.id)) {
      throw new ApiError(404, 'ROLE_NOT_FOUND', 'This role does not exist in your account.')
    }
    const input = await ctx.request.validateUsing(updateRoleValidator)
    requireAnyField(input, ['name', 'slug', 'permissions'])
    await updateRole(await actingFrom(ctx), ctx.params.id, input)
    return ctx.response.redirect().withQs().back()
  }
}
