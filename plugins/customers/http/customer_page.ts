import type { HttpContext } from '@adonisjs/core/http'
import { isUuid } from '#core/team/acting'
import {
  findCustomerOrFail,
  listCategories,
  presentCustomer,
} from '../services/customer_queries.js'
import { customerSubscriptions } from '../services/subscription_queries.js'
import { listPackages } from '../services/package_queries.js'
import { listDocuments } from '../services/customer_documents.js'
import { customerActivity } from '../services/customer_activity.js'
import { activityQuery } from '../validators/documents.js'
import { orNotFound, panelAbilities } from './panel_page.js'

/**
 * One customer: profile, accounts, documents and activity, with what the
 * edit forms offer (categories, packages). A password revealed a moment ago
 * arrives once, from the session flash.
 */
export default class CustomerPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const id = String(ctx.params.id)
    const row = isUuid(id) ? await orNotFound(() => findCustomerOrFail(trx, id)) : null
    if (!row) {
      ctx.response.status(404)
      return ctx.inertia.render('core/errors/not_found', {})
    }
    const [, paging] = await activityQuery.tryValidate(ctx.request.qs())
    const packages = await listPackages(trx, { perPage: 100 })
    const revealed = ctx.session.flashMessages.get('revealedPassword') ?? null
    // Who added and last changed the customer, by name (the tenant's own users only).
    const authors = [row.created_by, row.updated_by].filter((v): v is string => Boolean(v))
    const names = new Map<string, string>(
      authors.length
        ? (await trx.from('users').whereIn('id', authors).select('id', 'full_name')).map((u) => [
            u.id,
            u.full_name,
          ])
        : []
    )
    if (revealed) ctx.response.header('cache-control', 'no-store')
    return ctx.inertia.render('customers/customers/show', {
      customer: {
        ...presentCustomer(row),
        createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
        updatedByName: row.updated_by ? (names.get(row.updated_by) ?? null) : null,
      },
      subscriptions: await customerSubscriptions(trx, id),
      documents: await listDocuments(trx, id),
      activity: await customerActivity(trx, id, { page: paging?.page, perPage: 15 }),
      categories: await listCategories(trx),
      packages: packages.data.map((p) => ({
        id: p.id,
        name: p.name,
        price: p.price,
        service: p.service,
        active: p.active,
        downloadKbps: p.downloadKbps,
        uploadKbps: p.uploadKbps,
      })),
      revealed,
      can: panelAbilities(ctx),
    })
  }
}
