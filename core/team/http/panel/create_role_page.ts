import type { HttpContext } from '@adonisjs/core/http'
import { createRoleValidator } from '../../validators.js'
import { createRole } from '../../role_changes.js'
import { actingFrom } from '../../acting.js'

export default class CreateRolePage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createRoleValidator)
    await createRole(await actingFrom(ctx), input)
    return ctx.response.redirect().withQs().back()
  }
}
