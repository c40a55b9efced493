import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { createUserValidator } from '../validators.js'
import { createMember } from '../member_changes.js'
import { actingFrom } from '../acting.js'

export default class CreateUser {
  static docs: EndpointDocs = {
    summary:
      'Add a team member with a password and roles; `investor: true` makes a read-only investor account under you',
    tags: ['team'],
    body: createUserValidator,
    responses: {
      201: 'The new member',
      403: 'Permission missing, or OWNER_ONLY: only an owner can grant the owner role',
      422: 'Invalid fields, email already used, or unknown role',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createUserValidator)
    return ctx.response.created(await createMember(await actingFrom(ctx), input))
  }
}
