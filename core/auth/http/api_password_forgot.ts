import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { forgotPasswordValidator } from './password_validators.js'
import { requestReset, RESET_TOKEN_TTL_MINUTES } from '../password_reset.js'
import { translateCode } from '../../http/error_messages.js'

// The same words whether or not the account exists.
const NEUTRAL_MESSAGE = `If an active account uses this email, a link to reset its password is on its way. The link works once, for ${RESET_TOKEN_TTL_MINUTES} minutes.`

/** The first language tag of an Accept-Language header, e.g. `id` or `en`. */
function preferredLocale(header: string | undefined) {
  const tag = header?.split(',')[0]?.split(';')[0]?.trim().toLowerCase()
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(tag) ? tag : null
}

export default class ApiPasswordForgot {
  static docs: EndpointDocs = {
    summary:
      'Ask for a password reset link by email; the answer is the same whether or not the account exists',
    tags: ['auth'],
    body: forgotPasswordValidator,
    responses: {
      202: 'Accepted: a link is emailed if an active account uses this email',
      422: 'The email is missing or malformed',
      429: 'Too many requests for this email or from this address',
    },
  }

  async handle({ request, response, i18n }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await requestReset(email, {
      ip: request.ip(),
      locale: preferredLocale(request.header('accept-language')),
      userAgent: request.header('user-agent'),
      requestId: request.id(),
    })
    return response.accepted({
      message: translateCode(i18n, 'RESET_LINK_SENT', NEUTRAL_MESSAGE, {
        minutes: RESET_TOKEN_TTL_MINUTES,
      }),
    })
  }
}
