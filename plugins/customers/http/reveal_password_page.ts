import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { revealPassword } from '../services/subscription_changes.js'
import { submitPanelForm } from './panel_page.js'

/**
 * "Show password" on an account card. The password travels once, in the
 * session flash (server side, Redis), to the customer page that shows it.
 */
export default class RevealPasswordPage {
  async handle(ctx: HttpContext) {
    const acting = await actingFrom(ctx)
    let revealed: Awaited<ReturnType<typeof revealPassword>> | undefined
    const done = await submitPanelForm(ctx, async () => {
      revealed = await revealPassword(acting, ctx.params.id)
    })
    if (!done || !revealed) return
    ctx.session.flash('revealedPassword', { id: revealed.id, password: revealed.password })
    ctx.response.header('cache-control', 'no-store')
    ctx.response.redirect().back()
  }
}
