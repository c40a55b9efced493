import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { ADMIN_ONLY_RESPONSES } from '../super_admin.js'
import { listTenantsValidator } from '../validators.js'
import { listTenants } from '../tenant_listing.js'

export default class ListTenants {
  static docs: EndpointDocs = {
    summary: 'List every tenant, newest first; search by name or slug, filter by status and plan',
    tags: ['platform'],
    query: listTenantsValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ data, meta: { total, page, perPage, lastPage } }',
    },
  }

  async handle({ request, response }: HttpContext) {
    const filters = await request.validateUsing(listTenantsValidator)
    return response.ok(await listTenants(filters))
  }
}
