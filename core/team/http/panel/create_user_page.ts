import type { HttpContext } from '@adonisjs/core/http'
import { createUserValidator } from '../../validators.js'
import { createMember } from '../../member_changes.js'
import { actingFrom } from '../../acting.js'

/** The "add member" form; refused fields (email taken, unknown role) come back to it. */
export default class CreateUserPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createUserValidator)
    await createMember(await actingFrom(ctx), input)
    return ctx.response.redirect().withQs().back()
  }
}
