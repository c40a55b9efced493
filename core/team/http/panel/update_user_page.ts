import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '../../../http/api_error.js'
import { updateUserValidator } from '../../validators.js'
import { updateMember } from '../../member_changes.js'
import { actingFrom, isUuid, requireAnyField } from '../../acting.js'

/** Edits a member from the team page: name, phone, roles, or (de)activation. */
export default class UpdateUserPage {
  async handle(ctx: HttpContext) {
    if (!isUuid(ctx.params.id)) {
      throw new ApiError(404, 'USER_NOT_FOUND', 'This user is not a member of your team.')
    }
    const change = await ctx.request.validateUsing(updateUserValidator)
    requireAnyField(change, ['fullName', 'phone', 'roles', 'status'])
    await updateMember(await actingFrom(ctx), ctx.params.id, change)
    return ctx.response.redirect().withQs().back()
  }
}
