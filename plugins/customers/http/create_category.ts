import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { actingFrom, auditTeamChange } from '#core/team/acting'
import { createCategoryValidator } from '../validators/customers.js'
import { BUILT_IN_CATEGORIES } from '../services/customer_queries.js'

const taken = (name: string) =>
  ApiError.unprocessable([
    { field: 'name', message: `The category "${name}" already exists`, rule: 'unique' },
  ])

export default class CreateCategory {
  static docs: EndpointDocs = {
    summary: 'Add a customer category (lowercase name such as `corporate`, and a label to show)',
    tags: ['customers'],
    body: createCategoryValidator,
    responses: { 201: 'The category', 422: 'Invalid name, or the category exists' },
  }

  async handle(ctx: HttpContext) {
    const { name, label } = await ctx.request.validateUsing(createCategoryValidator)
    if ((BUILT_IN_CATEGORIES as readonly string[]).includes(name)) throw taken(name)
    const acting = await actingFrom(ctx)
    if (await acting.trx.from('customer_categories').where('name', name).first()) throw taken(name)
    const [row] = await acting.trx
      .table('customer_categories')
      .insert({ tenant_id: acting.tenant.id, name, label })
      .returning(['id', 'name', 'label'])
    await auditTeamChange(acting, {
      action: 'customer_category.created',
      subjectType: 'customer_category',
      subjectId: row.id,
      after: { name, label },
    })
    return ctx.response.created({ name: row.name, label: row.label, builtIn: false })
  }
}
