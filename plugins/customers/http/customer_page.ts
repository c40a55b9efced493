import type { HttpContext } from '@adonisjs/core/http'
import { findCustomerOrFail, presentCustomer } from '../services/customer_queries.js'
import { customerSubscriptions } from '../services/subscription_queries.js'
import { listPackages } from '../services/package_queries.js'
import { orNotFound, panelAbilities } from './panel_page.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One customer, their accounts, and the active packages a new account may use. */
export default class CustomerPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const id = String(ctx.params.id)
    const row = UUID.test(id) ? await orNotFound(() => findCustomerOrFail(trx, id)) : null
    if (!row) {
      ctx.response.status(404)
      return ctx.inertia.render('core/errors/not_found', {})
    }
    const packages = await listPackages(trx, { active: true, perPage: 100 })
    return ctx.inertia.render('customers/customers/show', {
      customer: presentCustomer(row),
      subscriptions: await customerSubscriptions(trx, id),
      packages: packages.data.map((p) => ({
        id: p.id,
        name: p.name,
        price: p.price,
        service: p.service,
        downloadKbps: p.downloadKbps,
        uploadKbps: p.uploadKbps,
      })),
      can: panelAbilities(ctx),
    })
  }
}
