import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { terminateCustomerQuery } from '../validators/customers.js'
import { terminateCustomer } from '../services/customer_changes.js'
import { findCustomerOrFail } from '../services/customer_queries.js'
import { submitPanelForm } from './panel_page.js'

/**
 * "Remove customer" in the panel: terminates the customer (the record stays for
 * invoices). The confirmation says which accounts go too and sends
 * `withSubscriptions` once the operator agreed.
 */
export default class TerminateCustomerPage {
  async handle(ctx: HttpContext) {
    await findCustomerOrFail(await ctx.tenantDb(), ctx.params.id)
    const { withSubscriptions } = await terminateCustomerQuery.validate(ctx.request.all())
    const acting = await actingFrom(ctx)
    const done = await submitPanelForm(ctx, () =>
      terminateCustomer(acting, ctx.params.id, { withSubscriptions })
    )
    if (done) ctx.response.redirect(`/customers/${ctx.params.id}`)
  }
}
