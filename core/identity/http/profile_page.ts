import type { HttpContext } from '@adonisjs/core/http'
import { readProfile } from '../profile.js'
import { PASSWORD_MIN_LENGTH } from '../../auth/password_reset.js'

/** The signed-in user's own page: name, email, language, theme and password. */
export default class ProfilePage {
  async handle(ctx: HttpContext) {
    return ctx.inertia.render('core/profile', {
      profile: await readProfile(ctx.actor!),
      minLength: PASSWORD_MIN_LENGTH,
    })
  }
}
