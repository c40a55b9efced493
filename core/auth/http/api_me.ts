import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { requireActor } from '../authenticate.js'

export default class ApiMe {
  static docs: EndpointDocs = {
    summary: 'The signed-in user, their tenant, roles and permissions',
    tags: ['auth'],
  }

  async handle(ctx: HttpContext) {
    const actor = await requireActor(ctx)
    return ctx.response.ok({
      id: actor.userId,
      email: actor.email,
      fullName: actor.fullName,
      tenantId: actor.tenantId,
      isSuperAdmin: actor.isSuperAdmin,
      roles: actor.roleSlugs,
      permissions: actor.permissions,
      impersonatorId: actor.impersonatorId ?? null,
    })
  }
}
