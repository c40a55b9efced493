import type { HttpContext } from '@adonisjs/core/http'
import { resetPasswordFormValidator } from '../password_validators.js'
import { resetPassword } from '../../password_reset.js'

/**
 * Sets the new password; an invalid, expired or used link comes back to the
 * form as a message that says to ask for a new one.
 */
export default class ResetPasswordPage {
  async handle(ctx: HttpContext) {
    const { token, password } = await ctx.request.validateUsing(resetPasswordFormValidator)
    await resetPassword(token, password, {
      ip: ctx.request.ip(),
      userAgent: ctx.request.header('user-agent'),
      requestId: ctx.request.id(),
    })
    ctx.session.flash('passwordReset', true)
    return ctx.response.redirect('/login')
  }
}
