import type { HttpContext } from '@adonisjs/core/http'
import { updateAccountValidator } from '../../validators.js'
import { changeAccount } from '../../actions/account_changes.js'
import { backToPage, flashNotice, submitPanelForm } from './panel_support.js'

/** The accounts tab's edit form (name, password, profile, comment, disabled). */
export default class UpdateAccountPage {
  async handle(ctx: HttpContext) {
    const done = await submitPanelForm(ctx, async () => {
      const input = await ctx.request.validateUsing(updateAccountValidator)
      await changeAccount(ctx, ctx.params.id, String(ctx.params.user_id), input)
    })
    if (done) {
      flashNotice(ctx, { kind: 'success', key: 'accountSaved' })
      backToPage(ctx)
    }
  }
}
