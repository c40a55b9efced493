import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import { ApiError } from '#core/http/api_error'
import type { createRouterValidator, updateRouterValidator } from '../validators.js'
import {
  deleteRouter,
  findRouterOrFail,
  insertRouter,
  nameTaken,
  nameTakenError,
  updateRouter,
} from '../models/router_queries.js'
import { presentRouter, type RouterRow } from '../models/router_presenter.js'
import { encryptApiPassword } from '../services/router_secrets.js'
import { auditRouterAction } from '../services/router_audit.js'
import { forgetRouter } from '../services/router_gateway.js'
import { forgetSessions } from '../services/session_cache.js'
import { probeRouter, recordProbe } from '../services/router_status.js'

/**
 * Adding, editing, removing and testing a router, shared by the API and the
 * panel: both validate with the same validators, then call these, inside the
 * request's tenant transaction, with the audit entry in it.
 */

export type CreateRouterInput = Infer<typeof createRouterValidator>
export type UpdateRouterInput = Infer<typeof updateRouterValidator>

export async function addRouter(ctx: HttpContext, input: CreateRouterInput): Promise<RouterRow> {
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
  await auditRouterAction(ctx, {
    action: 'mikrotik.router_created',
    routerId: row.id,
    after: { name: row.name, host: row.host, port: row.port, apiUser: row.api_user },
  })
  return row
}

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

export async function changeRouter(
  ctx: HttpContext,
  id: string,
  input: UpdateRouterInput
): Promise<RouterRow> {
  const trx = await ctx.tenantDb()
  const current = await findRouterOrFail(trx, id, true)
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
  return row
}

export async function removeRouter(ctx: HttpContext, id: string): Promise<RouterRow> {
  const trx = await ctx.tenantDb()
  const router = await findRouterOrFail(trx, id, true)
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
  return router
}

/** Logs in with the stored credentials and saves what the router showed, or why it did not answer. */
export async function testConnection(ctx: HttpContext, id: string) {
  const trx = await ctx.tenantDb()
  const router = await findRouterOrFail(trx, id)
  const outcome = await probeRouter(router)
  const saved = await recordProbe(trx, router.id, outcome)
  return { outcome, router: (saved as RouterRow | null) ?? router }
}
