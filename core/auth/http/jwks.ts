import type { HttpContext } from '@adonisjs/core/http'
import { publicJwks } from '../tokens/jwks.js'

/** Public keys that verify our access tokens, for services that consume them. */
export default class Jwks {
  async handle({ response }: HttpContext) {
    response.header('cache-control', 'public, max-age=300')
    return response.ok(await publicJwks())
  }
}
