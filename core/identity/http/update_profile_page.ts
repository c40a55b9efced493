import type { HttpContext } from '@adonisjs/core/http'
import { profileValidator, updateProfile } from '../profile.js'

export default class UpdateProfilePage {
  async handle(ctx: HttpContext) {
    const { fullName } = await ctx.request.validateUsing(profileValidator)
    await updateProfile(ctx.actor!, ctx.request, fullName)
    return ctx.response.redirect('/profile')
  }
}
