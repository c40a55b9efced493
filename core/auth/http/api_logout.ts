import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { refreshValidator } from './validators.js'
import refreshTokens from '../tokens/refresh_tokens.js'

export default class ApiLogout {
  static docs: EndpointDocs = {
    summary: 'Sign out: revokes the refresh token and every token of the same sign-in',
    tags: ['auth'],
    body: refreshValidator,
    responses: { 204: 'Signed out' },
  }

  async handle({ request, response }: HttpContext) {
    const { refreshToken } = await request.validateUsing(refreshValidator)
    await refreshTokens.revokeFamily(refreshToken, 'logout')
    return response.noContent()
  }
}
