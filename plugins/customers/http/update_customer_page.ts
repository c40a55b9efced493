import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { updateCustomerValidator } from '../validators/customers.js'
import { updateCustomer } from '../services/customer_changes.js'
import { findCustomerOrFail } from '../services/customer_queries.js'
import { submitPanelForm } from './panel_page.js'

/** The "edit customer" form on the customer's page; back to that page. */
export default class UpdateCustomerPage {
  async handle(ctx: HttpContext) {
    await findCustomerOrFail(await ctx.tenantDb(), ctx.params.id)
    const change = await ctx.request.validateUsing(updateCustomerValidator)
    const acting = await actingFrom(ctx)
    if (await submitPanelForm(ctx, () => updateCustomer(acting, ctx.params.id, change))) {
      ctx.response.redirect(`/customers/${ctx.params.id}`)
    }
  }
}
