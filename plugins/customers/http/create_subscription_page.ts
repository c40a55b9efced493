import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { createSubscriptionValidator } from '../validators/subscriptions.js'
import { createSubscription } from '../services/subscription_changes.js'
import { submitPanelForm } from './panel_page.js'

/** The "add subscription" form on a customer's page; the customer comes from the URL. */
export default class CreateSubscriptionPage {
  async handle(ctx: HttpContext) {
    const input = await createSubscriptionValidator.validate({
      ...ctx.request.all(),
      customerId: ctx.params.id,
    })
    const acting = await actingFrom(ctx)
    if (await submitPanelForm(ctx, () => createSubscription(acting, input))) {
      ctx.response.redirect(`/customers/${ctx.params.id}`)
    }
  }
}
