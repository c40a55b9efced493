import type { HttpContext } from '@adonisjs/core/http'
import { PASSWORD_MIN_LENGTH } from '../../password_reset.js'

/** "Set a new password", opened from the emailed link (`/reset-password?token=...`). */
export default class ShowResetPassword {
  async handle(ctx: HttpContext) {
    const token = ctx.request.input('token')
    return ctx.inertia.render('core/auth/reset_password', {
      token: typeof token === 'string' ? token.slice(0, 200) : '',
      minLength: PASSWORD_MIN_LENGTH,
    })
  }
}
