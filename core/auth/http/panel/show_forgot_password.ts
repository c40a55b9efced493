import type { HttpContext } from '@adonisjs/core/http'
import { RESET_TOKEN_TTL_MINUTES } from '../../password_reset.js'

/** "Forgot password": asks for the email that gets a one-time link. */
export default class ShowForgotPassword {
  async handle(ctx: HttpContext) {
    return ctx.inertia.render('core/auth/forgot_password', {
      sent: Boolean(ctx.session.flashMessages.get('resetLinkSent')),
      minutes: RESET_TOKEN_TTL_MINUTES,
    })
  }
}
