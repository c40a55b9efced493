import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { resetPasswordValidator } from './password_validators.js'
import { resetPassword } from '../password_reset.js'

export default class ApiPasswordReset {
  static docs: EndpointDocs = {
    summary:
      'Set a new password with the token from a reset email; signs the account out everywhere',
    tags: ['auth'],
    body: resetPasswordValidator,
    responses: {
      204: 'Password changed; sign in with the new one',
      400: 'RESET_TOKEN_INVALID: the link is invalid, expired or already used',
      422: 'The password is too short or too long',
    },
  }

  async handle({ request, response }: HttpContext) {
    const { token, password } = await request.validateUsing(resetPasswordValidator)
    await resetPassword(token, password, {
      ip: request.ip(),
      userAgent: request.header('user-agent'),
      requestId: request.id(),
    })
    return response.noContent()
  }
}
