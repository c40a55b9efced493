import type { HttpContext } from '@adonisjs/core/http'
import { accountTypeValidator } from '../../validators.js'
import { deleteAccount } from '../../actions/account_changes.js'
import { backToPage, flashNotice, submitPanelForm } from './panel_support.js'

export default class DeleteAccountPage {
  async handle(ctx: HttpContext) {
    let name = ''
    const done = await submitPanelForm(ctx, async () => {
      const { type } = await ctx.request.validateUsing(accountTypeValidator)
      name = (await deleteAccount(ctx, ctx.params.id, String(ctx.params.user_id), type)).name
    })
    if (done) {
      flashNotice(ctx, { kind: 'success', key: 'accountDeleted', detail: name })
      backToPage(ctx)
    }
  }
}
