import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '../../../http/api_error.js'
import { deleteRole } from '../../role_changes.js'
import { actingFrom, isUuid } from '../../acting.js'

export default class DeleteRolePage {
  async handle(ctx: HttpContext) {
    if (!isUuid(ctx.params.id)) {
      throw new ApiError(404, 'ROLE_NOT_FOUND', 'This role does not exist in your account.')
    }
    await deleteRole(await actingFrom(ctx), ctx.params.id)
    return ctx.response.redirect().withQs().back()
  }
}
