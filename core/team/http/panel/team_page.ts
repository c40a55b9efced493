import type { HttpContext } from '@adonisjs/core/http'
import { listUsersQuery } from '../../validators.js'
import { listMembers } from '../../member_queries.js'
import { listRoles } from '../../role_queries.js'
import { teamAbilities } from './panel_abilities.js'
import { PASSWORD_MIN_LENGTH } from '../../../auth/password_reset.js'

/** The team: members page by page, searchable, filtered by role and status. */
export default class TeamPage {
  async handle(ctx: HttpContext) {
    // A hand-edited URL with a bad filter shows the unfiltered list rather than an error page.
    const [error, parsed] = await ctx.request.tryValidateUsing(listUsersQuery)
    const filters = error ? {} : parsed
    const trx = await ctx.tenantDb()
    const roles = await listRoles(trx, ctx.tenant!.id)
    return ctx.inertia.render('core/team/index', {
      users: await listMembers(trx, ctx.tenant!.id, {
        ...filters,
        page: filters.page ?? 1,
        perPage: filters.perPage ?? 20,
      }),
      filters: { q: filters.q ?? '', status: filters.status ?? '', role: filters.role ?? '' },
      roles: roles.map((role) => ({ slug: role.slug, name: role.name, isSystem: role.is_system })),
      me: ctx.actor!.userId,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      can: teamAbilities(ctx),
    })
  }
}
