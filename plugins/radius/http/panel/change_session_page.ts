import type { HttpContext } from '@adonisjs/core/http'
import { runSessionAction } from './session_action_page.js'

export default class ChangeSessionPage {
  handle(ctx: HttpContext) {
    return runSessionAction(ctx, 'change')
  }
}
