import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { startImpersonation } from '../impersonation.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class ImpersonateTenant {
  static docs: EndpointDocs = {
    summary:
      'Act inside a tenant: returns a 15-minute access token that carries your identity as impersonator (audited)',
    tags: ['platform'],
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ accessToken, expiresIn, tokenType }',
      404: 'No such tenant',
      409: 'TENANT_DEACTIVATED: reactivate the tenant first',
    },
  }

  async handle(ctx: HttpContext) {
    return ctx.response.ok(await startImpersonation(ctx.params.id, superAdminOf(ctx)))
  }
}
