import type { HttpContext } from '@adonisjs/core/http'
import { forgotPasswordValidator } from '../password_validators.js'
import { requestReset } from '../../password_reset.js'

/**
 * Sends the link and says so in the same words whether or not the account
 * exists (the page cannot be used to find out who has an account).
 */
export default class RequestResetLink {
  async handle(ctx: HttpContext) {
    const { email } = await ctx.request.validateUsing(forgotPasswordValidator)
    await requestReset(email, {
      ip: ctx.request.ip(),
      locale: ctx.i18n.locale,
      userAgent: ctx.request.header('user-agent'),
      requestId: ctx.request.id(),
    })
    ctx.session.flash('resetLinkSent', true)
    return ctx.response.redirect('/forgot-password')
  }
}
