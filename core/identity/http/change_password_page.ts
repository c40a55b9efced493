import type { HttpContext } from '@adonisjs/core/http'
import { changePassword, changePasswordValidator } from '../profile.js'

/** A new password, proven by the current one; this browser stays signed in. */
export default class ChangePasswordPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(changePasswordValidator)
    await changePassword(ctx.actor!, ctx.request, input)
    // A new session id: a copy of the old cookie stops working with the old password.
    ctx.session.regenerate()
    ctx.session.flash('passwordChanged', true)
    return ctx.response.redirect('/profile')
  }
}
