import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { createCustomerValidator } from '../validators/customers.js'
import { createCustomer } from '../services/customer_changes.js'
import { submitPanelForm } from './panel_page.js'

/** The "add customer" form: back to the list, where the new customer shows. */
export default class CreateCustomerPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createCustomerValidator)
    const acting = await actingFrom(ctx)
    if (await submitPanelForm(ctx, () => createCustomer(acting, input))) {
      ctx.response.redirect('/customers')
    }
  }
}
