import type { HttpContext } from '@adonisjs/core/http'
import { listAuditLogsQuery } from '../../validators.js'
import { listAuditLogs } from '../../audit_log_queries.js'
import { auditFilterChoices, namesOfActors } from '../../audit_actors.js'

/**
 * The account's audit log: who changed what and when, newest first, with
 * each entry's before and after. Filters are kept in the URL.
 */
export default class AuditLogPage {
  async handle(ctx: HttpContext) {
    const [error, parsed] = await ctx.request.tryValidateUsing(listAuditLogsQuery)
    const filters = error ? {} : parsed
    const trx = await ctx.tenantDb()
    const tenant = ctx.tenant!
    const entries = await listAuditLogs(trx, tenant, {
      ...filters,
      page: filters.page ?? 1,
      perPage: filters.perPage ?? 20,
    })
    const names = await namesOfActors(
      trx,
      entries.data.map((entry) => entry.actor)
    )
    return ctx.inertia.render('core/audit_log', {
      entries: {
        ...entries,
        data: entries.data.map((entry) => ({
          ...entry,
          actorName: names.get(entry.actor) ?? null,
        })),
      },
      filters: {
        actor: filters.actor ?? '',
        action: filters.action ?? '',
        from: filters.from ?? '',
        to: filters.to ?? '',
      },
      choices: await auditFilterChoices(trx, tenant.id),
      timezone: tenant.timezone,
    })
  }
}
