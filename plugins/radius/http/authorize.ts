import type { HttpContext } from '@adonisjs/core/http'
import { answerAuthorize } from '../services/rest_endpoints.js'
import { readAttributes } from '../services/rlm_rest.js'
import { send } from './rest_answer.js'

/** rlm_rest `authorize` on the app port (see services/rest_endpoints.ts). */
export default class Authorize {
  async handle(ctx: HttpContext) {
    return send(ctx, await answerAuthorize(readAttributes(ctx.request.body()), ctx.logger))
  }
}
