import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { deleteRouter, findRouterOrFail } from '../models/router_queries.js'
import { auditRouterAction } from '../services/router_audit.js'
import { forgetRouter } from '../services/router_gateway.js'
import { forgetSessions } from '../services/session_cache.js'

export default class DeleteRouter {
  static docs: EndpointDocs = {
    summary: 'Remove a router from the platform (the router itself is not touched)',
    description: 'Needs router.delete, which the technician role does not have by default.',
    tags: ['mikrotik'],
    responses: { 204: 'Removed, with its sync history', 404: 'ROUTER_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const router = await findRouterOrFail(trx, ctx.params.id, true)
    await deleteRouter(trx, router.id)
    await auditRouterAction(ctx, {
      action: 'mikrotik.router_deleted',
      routerId: router.id,
      before: { name: router.name, host: router.host, port: router.port },
    })
    ctx.afterCommit(async () => {
      await forgetRouter(router.id)
      await forgetSessions(router.tenant_id, router.id)
    })
    return ctx.response.noContent()
  }
}
