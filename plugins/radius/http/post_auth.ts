import type { HttpContext } from '@adonisjs/core/http'
import { answerPostAuth } from '../services/rest_endpoints.js'
import { readAttributes } from '../services/rlm_rest.js'
import { send } from './rest_answer.js'

/** rlm_rest `post-auth` on the app port (see services/rest_endpoints.ts). */
export default class PostAuth {
  async handle(ctx: HttpContext) {
    const rejected = ctx.request.header('x-radius-result') === 'reject'
    return send(ctx, await answerPostAuth(readAttributes(ctx.request.body()), rejected))
  }
}
