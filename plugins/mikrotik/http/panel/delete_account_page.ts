import type { HttpContext } from '@adonisjs/core/http'
import { accountTypeValidator } from '../../validators.js'
import { deleteAccount } from '../../actions/account_changes.js'
import { flashNotice } from './panel_support.js'

export default class DeleteAccountPage {
  async handle(ctx: HttpContext) {
    const { type } = await ctx.request.validateUsing(accountTypeValidator)
    const removed = await deleteAccount(ctx, ctx.params.id, String(ctx.params.user_id), type)
    flashNotice(ctx, { kind: 'success', key: 'accountDeleted', detail: removed.name })
    ctx.response.redirect().back()
  }
}
