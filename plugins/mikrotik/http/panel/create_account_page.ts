import type { HttpContext } from '@adonisjs/core/http'
import { createAccountValidator } from '../../validators.js'
import { createAccount } from '../../actions/account_changes.js'
import { flashNotice, submitPanelForm } from './panel_support.js'

/** The accounts tab's "add" form: back to the accounts tab, where the new account shows. */
export default class CreateAccountPage {
  async handle(ctx: HttpContext) {
    let name = ''
    const done = await submitPanelForm(ctx, async () => {
      const input = await ctx.request.validateUsing(createAccountValidator)
      name = (await createAccount(ctx, ctx.params.id, input)).name
    })
    if (done) {
      flashNotice(ctx, { kind: 'success', key: 'accountAdded', detail: name })
      ctx.response.redirect(`/mikrotik/routers/${ctx.params.id}?tab=accounts`)
    }
  }
}
