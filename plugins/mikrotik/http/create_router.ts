import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { createRouterValidator } from '../validators.js'
import { insertRouter, nameTaken, nameTakenError } from '../models/router_queries.js'
import { presentRouter } from '../models/router_presenter.js'
import { encryptApiPassword } from '../services/router_secrets.js'
import { auditRouterAction } from '../services/router_audit.js'

export default class CreateRouter {
  static docs: EndpointDocs = {
    summary: 'Add a MikroTik router (port defaults to 8728, or 8729 with tls)',
    description:
      'The API password is stored encrypted and never returned. Counts against the plan limit max_router.',
    tags: ['mikrotik'],
    body: createRouterValidator,
    responses: {
      201: 'The new router',
      403: 'LIMIT_REACHED: the plan allows no more routers',
      422: 'Invalid fields, or the name is taken',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createRouterValidator)
    const trx = await ctx.tenantDb()
    if (await nameTaken(trx, input.name)) throw nameTakenError()
    const tls = input.tls ?? false
    const row = await insertRouter(trx, {
      tenant_id: ctx.tenant!.id,
      name: input.name,
      host: input.host,
      port: input.port ?? (tls ? 8729 : 8728),
      tls,
      api_user: input.apiUser,
      api_password_encrypted: encryptApiPassword(input.apiPassword),
      sync_interval_seconds: input.syncIntervalSeconds ?? 300,
      notes: input.notes ?? null,
    })
    const router = presentRouter(row)
    await auditRouterAction(ctx, {
      action: 'mikrotik.router_created',
      routerId: row.id,
      after: { name: router.name, host: router.host, port: router.port, apiUser: router.apiUser },
    })
    return ctx.response.created(router)
  }
}
