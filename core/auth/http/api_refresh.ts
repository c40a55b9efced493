import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { refreshValidator } from './validators.js'
import { refresh } from '../token_pair.js'

export default class ApiRefresh {
  static docs: EndpointDocs = {
    summary:
      'Swap a refresh token for a new token pair (a reused refresh token signs the whole session out)',
    tags: ['auth'],
    body: refreshValidator,
    responses: { 200: 'New token pair', 401: 'Refresh token invalid, expired or reused' },
  }

  async handle({ request, response }: HttpContext) {
    const { refreshToken } = await request.validateUsing(refreshValidator)
    return response.ok(
      await refresh(refreshToken, { ip: request.ip(), userAgent: request.header('user-agent') })
    )
  }
}
