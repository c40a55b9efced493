import type { HttpContext } from '@adonisjs/core/http'
import { createAccountValidator } from '../../validators.js'
import { createAccount } from '../../actions/account_changes.js'
import { flashNotice, submitPanelForm } from './panel_support.js'

const accountsTab = (ctx: HttpContext) => `/mikrotik/routers/${ctx.params.id}?tab=accounts`

/** The accounts tab's "add" form. */
export default class CreateAccountPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createAccountValidator)
    if (await submitPanelForm(ctx, () => createAccount(ctx, ctx.params.id, input))) {
      flashNotice(ctx, { kind: 'success', key: 'accountAdded', detail: input.name })
      ctx.response.redirect(accountsTab(ctx))
    }
  }
}
