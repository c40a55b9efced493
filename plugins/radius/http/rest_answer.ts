import type { HttpContext } from '@adonisjs/core/http'
import type { RestAnswer } from '../services/rest_endpoints.js'

/** Writes an rlm_rest answer through the AdonisJS response. */
export function send({ response }: HttpContext, answer: RestAnswer) {
  response.status(answer.status)
  if (answer.body === undefined) return response.send('')
  return response.json(answer.body)
}
