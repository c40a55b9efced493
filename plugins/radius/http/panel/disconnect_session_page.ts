import type { HttpContext } from '@adonisjs/core/http'
import { runSessionAction } from './session_action_page.js'

export default class DisconnectSessionPage {
  handle(ctx: HttpContext) {
    return runSessionAction(ctx, 'disconnect')
  }
}
