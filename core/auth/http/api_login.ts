import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { loginValidator } from './validators.js'
import { attemptLogin } from '../login.js'
import { signIn } from '../token_pair.js'

export default class ApiLogin {
  static docs: EndpointDocs = {
    summary:
      'Sign in with email and password; returns an access token (15 min) and a refresh token (30 days)',
    tags: ['auth'],
    body: loginValidator,
    responses: {
      200: 'Signed in',
      401: 'Email or password is incorrect',
      429: 'Too many failed sign-ins',
    },
  }

  async handle({ request, response }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const user = await attemptLogin(email, password, request)
    return response.ok(
      await signIn(user.id, user.tenant_id, {
        ip: request.ip(),
        userAgent: request.header('user-agent'),
      })
    )
  }
}
