import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from './validators.js'
import { attemptLogin } from '../login.js'
import { translateCode } from '../../http/error_messages.js'

/**
 * Panel sign-in: a new session id (no fixation), the user id in the
 * session, then the panel. Errors come back to the form field by field.
 */
export default class PanelLogin {
  async handle({ request, response, session, i18n }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    try {
      const user = await attemptLogin(email, password, request)
      session.regenerate()
      session.put('user_id', user.id)
      return response.redirect(user.is_super_admin ? '/platform' : '/')
    } catch (error: any) {
      if (error?.code === 'INVALID_CREDENTIALS' || error?.code === 'LOGIN_THROTTLED') {
        session.flashExcept(['password'])
        session.flashErrors({ email: translateCode(i18n, error.code, error.message) })
        return response.redirect('/login')
      }
      throw error
    }
  }
}
