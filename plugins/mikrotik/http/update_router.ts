import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { updateRouterValidator } from '../validators.js'
import {
  findRouterOrFail,
  nameTaken,
  nameTakenError,
  updateRouter,
} from '../models/router_queries.js'
import { presentRouter } from '../models/router_presenter.js'
import { encryptApiPassword } from '../services/router_secrets.js'
import { auditRouterAction } from '../services/router_audit.js'
import { forgetRouter } from '../services/router_gateway.js'
import { forgetSessions } from '../services/session_cache.js'

/** Request field → column; apiPassword is handled apart (encrypted, never echoed). */
const COLUMNS = {
  name: 'name',
  host: 'host',
  port: 'port',
  tls: 'tls',
  apiUser: 'api_user',
  syncIntervalSeconds: 'sync_interval_seconds',
  notes: 'notes',
} as const
/** Changing any of these points the platform at another router, or logs in differently. */
const CONNECTION_FIELDS = ['host', 'port', 'tls', 'apiUser', 'apiPassword']

export default class UpdateRouter {
  static docs: EndpointDocs = {
    summary: 'Change a router; the API password is replaced only when apiPassword is sent',
    tags: ['mikrotik'],
    body: updateRouterValidator,
    responses: {
      200: 'The router',
      404: 'ROUTER_NOT_FOUND',
      422: 'Invalid fields, nothing to change, or the name is taken',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateRouterValidator)
    const trx = await ctx.tenantDb()
    const current = await findRouterOrFail(trx, ctx.params.id, true)
    const sent = Object.keys(input).filter(
      (field) => input[field as keyof typeof input] !== undefined
    )
    if (!sent.length) {
      throw ApiError.unprocessable(
        [
          {
            field: 'name',
            message: `Send at least one of: ${[...Object.keys(COLUMNS), 'apiPassword'].join(', ')}`,
            rule: 'required',
          },
        ],
        'Nothing to change'
      )
    }
    if (input.name && (await nameTaken(trx, input.name, current.id))) throw nameTakenError()

    const values: Record<string, unknown> = {}
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    const view = presentRouter(current) as Record<string, unknown>
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = input[field as keyof typeof COLUMNS]
      if (value === undefined || value === view[field]) continue
      values[column] = value
      before[field] = view[field]
      after[field] = value
    }
    if (input.apiPassword !== undefined) {
      values.api_password_encrypted = encryptApiPassword(input.apiPassword)
      after.apiPassword = 'replaced'
    }
    const reconnect = CONNECTION_FIELDS.some((field) => field in after)
    // The last status described the old address or login; the next contact tells the new one.
    if (reconnect) Object.assign(values, { status: 'unknown', last_error: null })

    const row = Object.keys(values).length ? await updateRouter(trx, current.id, values) : current
    if (Object.keys(after).length) {
      await auditRouterAction(ctx, {
        action: 'mikrotik.router_updated',
        routerId: current.id,
        before,
        after,
      })
    }
    if (reconnect) {
      ctx.afterCommit(async () => {
        await forgetRouter(current.id)
        await forgetSessions(current.tenant_id, current.id)
      })
    }
    return ctx.response.ok(presentRouter(row))
  }
}
