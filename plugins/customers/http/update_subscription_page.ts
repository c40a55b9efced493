import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { updateSubscriptionValidator } from '../validators/subscriptions.js'
import { updateSubscription } from '../services/subscription_changes.js'
import { findSubscriptionOrFail } from '../services/subscription_queries.js'
import { submitPanelForm } from './panel_page.js'

/** The "edit account" form on a customer's page; back to the customer. */
export default class UpdateSubscriptionPage {
  async handle(ctx: HttpContext) {
    const row = await findSubscriptionOrFail(await ctx.tenantDb(), ctx.params.id)
    const change = await ctx.request.validateUsing(updateSubscriptionValidator)
    const acting = await actingFrom(ctx)
    if (await submitPanelForm(ctx, () => updateSubscription(acting, ctx.params.id, change))) {
      ctx.response.redirect(`/customers/${row.customer_id}`)
    }
  }
}
