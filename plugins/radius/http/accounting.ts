import type { HttpContext } from '@adonisjs/core/http'
import { answerAccounting } from '../services/rest_endpoints.js'
import { readAttributes } from '../services/rlm_rest.js'
import { send } from './rest_answer.js'

/** rlm_rest `accounting` on the app port (see services/rest_endpoints.ts). */
export default class Accounting {
  async handle(ctx: HttpContext) {
    return send(ctx, await answerAccounting(readAttributes(ctx.request.body()), ctx.logger))
  }
}
