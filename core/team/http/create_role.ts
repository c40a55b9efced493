import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { createRoleValidator } from '../validators.js'
import { createRole } from '../role_changes.js'
import { actingFrom } from '../acting.js'

export default class CreateRole {
  static docs: EndpointDocs = {
    summary:
      'Define a custom role from declared permissions or area wildcards (`billing.*`); not on the basic plan',
    tags: ['team'],
    body: createRoleValidator,
    responses: {
      201: 'The new role',
      403: 'Permission missing, or FEATURE_NOT_IN_PLAN: upgrade to define custom roles',
      422: 'Invalid fields, slug taken or reserved, or unknown permission',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createRoleValidator)
    return ctx.response.created(await createRole(await actingFrom(ctx), input))
  }
}
