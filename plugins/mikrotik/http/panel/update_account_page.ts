import type { HttpContext } from '@adonisjs/core/http'
import { updateAccountValidator } from '../../validators.js'
import { changeAccount } from '../../actions/account_changes.js'
import { flashNotice, submitPanelForm } from './panel_support.js'

/** The accounts tab's edit form (name, password, profile, comment, disabled). */
export default class UpdateAccountPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateAccountValidator)
    const accountId = String(ctx.params.user_id)
    if (await submitPanelForm(ctx, () => changeAccount(ctx, ctx.params.id, accountId, input))) {
      flashNotice(ctx, { kind: 'success', key: 'accountSaved' })
      ctx.response.redirect().back()
    }
  }
}
