import type { HttpContext } from '@adonisjs/core/http'
import { bookAccounting } from '../services/accounting.js'
import { findNas } from '../services/nas_directory.js'
import { readAttributes, text } from '../services/rlm_rest.js'

/**
 * rlm_rest `accounting`: 204 once booked. An unknown NAS gets 204 too (there
 * is nothing to book, and an error would only make the NAS retry forever);
 * it is logged for the operator.
 */
export default class Accounting {
  async handle({ request, response, logger }: HttpContext) {
    const attributes = readAttributes(request.body())
    const nas = await findNas(text(attributes, 'NAS-IP-Address'))
    if (!nas) {
      logger.warn(
        { nas: text(attributes, 'NAS-IP-Address') },
        'RADIUS accounting from an unknown NAS'
      )
      return response.noContent()
    }
    await bookAccounting(nas, attributes)
    return response.noContent()
  }
}
