import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { ADMIN_ONLY_RESPONSES } from '../super_admin.js'
import { tenantDetail } from '../tenant_detail.js'

export default class ShowTenant {
  static docs: EndpointDocs = {
    summary:
      'One tenant: effective limits with their sources, features, enabled plugins and why, addons, user count',
    tags: ['platform'],
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The tenant',
      404: 'No such tenant',
    },
  }

  async handle({ params, response }: HttpContext) {
    return response.ok(await tenantDetail(params.id))
  }
}
