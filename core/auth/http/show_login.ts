import type { HttpContext } from '@adonisjs/core/http'
import { authenticate } from '../authenticate.js'

/** The sign-in page; a signed-in user goes straight to the panel. */
export default class ShowLogin {
  async handle(ctx: HttpContext) {
    if (await authenticate(ctx)) return ctx.response.redirect('/')
    return ctx.inertia.render('core/auth/login', {
      // Shown once after "set a new password" succeeded.
      passwordReset: Boolean(ctx.session.flashMessages.get('passwordReset')),
    })
  }
}
