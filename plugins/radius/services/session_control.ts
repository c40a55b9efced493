import encryption from '@adonisjs/core/services/encryption'
import { ApiError } from '#core/http/api_error'
import { recordAudit } from '#core/audit/audit_log'
import kernel from '#core/services/kernel'
import { withTenant, type TenantTransaction } from '#core/tenancy/tenant_db'
import {
  routerGateway,
  type IsolationResult,
  type IsolationService,
} from '#plugins/mikrotik/contracts'
import { sendCoa, type CoaAnswer } from './coa_client.js'
import { isChangeableAttribute, type SessionAttributes } from './coa_packets.js'

/**
 * Changes live sessions from the platform: isolate, restore, new attributes
 * (a package change) or disconnect. RADIUS CoA (RFC 5176) is tried first when
 * the NAS takes it; when it does not, does not answer or refuses, isolation
 * and restore fall back to the MikroTik router (`router.gateway`: the
 * address-list entry plus dropping the session). Every call is audited with
 * what each session's router answered.
 */

export type SessionAction = 'isolate' | 'restore' | 'change' | 'disconnect'

export interface SessionTarget {
  tenantId: string
  /** Every open session of this login... */
  username?: string
  /** ...or exactly this one (`radius_sessions.id`) */
  sessionId?: string
  /** Who asked, for the audit log: `user:<id>`, `system:billing`; defaults to `system:radius` */
  actor?: string
  /** PPPoE or hotspot, for the router fallback's session drop; `pppoe` unless given */
  service?: IsolationService
  /** Why, as the operator should read it on the router (address-list comment) */
  comment?: string
}

export interface IsolateSessionRequest extends SessionTarget {
  /** Address list of isolated customers; `isolir` unless the router's rules use another */
  list?: string
  /** More attributes to set while isolated, e.g. a slow `Mikrotik-Rate-Limit` */
  attributes?: SessionAttributes
}

export interface RestoreSessionRequest extends SessionTarget {
  list?: string
  /**
   * The account's normal attributes (rate limit, its plan's address list).
   * Given: sent by CoA, the session stays up. Not given: the session is
   * disconnected and the next login brings the normal attributes.
   */
  attributes?: SessionAttributes
}

export interface ChangeAttributesRequest extends SessionTarget {
  attributes: SessionAttributes
}

export interface SessionOutcome {
  sessionId: string
  username: string
  nas: string | null
  ok: boolean
  /** How it was done: CoA, a RADIUS disconnect, or on the router through the MikroTik API */
  via: 'coa' | 'disconnect' | 'router' | null
  /** What the NAS answered to the RADIUS request, when one was sent */
  coa?: CoaAnswer
  /** What the router fallback did */
  router?: IsolationResult
  /** Error code when not ok (`NAS_REFUSED`, `ROUTER_UNREACHABLE`, `NO_ROUTER_FALLBACK`, ...) */
  code?: string
  message: string
}

export interface SessionControlResult {
  action: SessionAction
  ok: boolean
  sessions: SessionOutcome[]
  message: string
}

interface OpenSession {
  id: string
  username: string
  acct_session_id: string
  framed_ip: string | null
  nas_name: string | null
  ip_address: string | null
  coa_port: number | null
  secret_encrypted: string | null
  router_id: string | null
}

const AUDIT_ACTIONS: Record<SessionAction, string> = {
  isolate: 'radius.session_isolated',
  restore: 'radius.session_restored',
  change: 'radius.session_changed',
  disconnect: 'radius.session_disconnected',
}

/** RouterOS `rx/tx [burst-rx/burst-tx [threshold] [time] [priority] [min]]`, e.g. `10M/20M` */
const RATE_LIMIT = /^\d+(\.\d+)?[kKmMgG]?(\/\d+(\.\d+)?[kKmMgG]?)?( [\w./ ]{1,120})?$/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

function checkTarget(target: SessionTarget) {
  if (!target.username && !target.sessionId) {
    throw ApiError.unprocessable([
      { field: 'username', message: 'Name a login or a session', rule: 'required' },
    ])
  }
  if (target.sessionId !== undefined && !/^\d{1,18}$/.test(target.sessionId)) {
    throw ApiError.notFound('Session')
  }
}

function checkAttributes(attributes: SessionAttributes | undefined, required: boolean) {
  const entries = Object.entries(attributes ?? {})
  if (required && entries.length === 0) {
    throw ApiError.unprocessable([
      { field: 'attributes', message: 'Give at least one attribute to change', rule: 'required' },
    ])
  }
  for (const [name, value] of entries) {
    if (!isChangeableAttribute(name)) {
      throw ApiError.unprocessable([
        {
          field: `attributes.${name}`,
          message: `${name} cannot be changed on a live session`,
          rule: 'attribute',
        },
      ])
    }
    const text = String(value)
    if (name === 'Mikrotik-Rate-Limit' && !RATE_LIMIT.test(text)) {
      throw ApiError.unprocessable([
        {
          field: `attributes.${name}`,
          message: 'Write the rate limit as upload/download, e.g. 10M/20M',
          rule: 'rateLimit',
        },
      ])
    }
    if (text.length === 0 || text.length > 200 || CONTROL.test(text)) {
      throw ApiError.unprocessable([
        { field: `attributes.${name}`, message: `${name} has an invalid value`, rule: 'value' },
      ])
    }
  }
}

function openSessions(target: SessionTarget, trx: TenantTransaction): Promise<OpenSession[]> {
  const query = trx
    .from('radius_sessions as s')
    .leftJoin('radius_nas as n', 'n.id', 's.nas_id')
    .whereNull('s.stopped_at')
    .select(
      's.id',
      's.username',
      's.acct_session_id',
      's.framed_ip',
      'n.name as nas_name',
      'n.ip_address',
      'n.coa_port',
      'n.secret_encrypted',
      'n.router_id'
    )
    .orderBy('s.id')
  if (target.sessionId) query.where('s.id', target.sessionId)
  else query.where('s.username', target.username!)
  return query
}

function identityOf(session: OpenSession): [string, string][] {
  const identity: [string, string][] = [
    ['User-Name', session.username],
    ['Acct-Session-Id', session.acct_session_id],
  ]
  if (session.framed_ip) identity.push(['Framed-IP-Address', session.framed_ip])
  return identity
}

function sendToNas(
  session: OpenSession,
  code: 'CoA-Request' | 'Disconnect-Request',
  change?: SessionAttributes
) {
  return sendCoa({
    code,
    host: session.ip_address!,
    port: session.coa_port!,
    secret: encryption.decrypt<string>(session.secret_encrypted!)!,
    identity: identityOf(session),
    change,
  })
}

const takesCoa = (session: OpenSession) =>
  Boolean(session.ip_address && session.coa_port && session.secret_encrypted)

function coaFailure(answer: CoaAnswer) {
  return answer.outcome === 'refused' ? 'NAS_REFUSED' : 'NAS_NO_ANSWER'
}

/** Isolate or restore through the MikroTik API when RADIUS could not do it. */
async function onRouter(
  action: 'isolate' | 'restore',
  session: OpenSession,
  request: IsolateSessionRequest | RestoreSessionRequest,
  coa: CoaAnswer | undefined
): Promise<SessionOutcome> {
  const base = {
    sessionId: String(session.id),
    username: session.username,
    nas: session.nas_name,
    coa,
  }
  const why = coa ? `${coa.message} ` : 'The NAS takes no CoA. '
  if (!session.router_id) {
    return {
      ...base,
      ok: false,
      via: null,
      code: coa ? coaFailure(coa) : 'NO_ROUTER_FALLBACK',
      message: `${why}No MikroTik router is linked to NAS "${session.nas_name ?? '?'}" to ${action} the customer there instead.`,
    }
  }
  if (!session.framed_ip) {
    return {
      ...base,
      ok: false,
      via: null,
      code: 'SESSION_ADDRESS_UNKNOWN',
      message: `${why}The session has no address on record, so the router's address list cannot be used.`,
    }
  }
  const [gateway] = await kernel.extensionsFor(routerGateway, request.tenantId)
  if (!gateway) {
    return {
      ...base,
      ok: false,
      via: null,
      code: 'ROUTER_GATEWAY_UNAVAILABLE',
      message: `${why}The MikroTik module is not enabled for this account.`,
    }
  }
  const isolation = {
    tenantId: request.tenantId,
    routerId: session.router_id,
    actor: request.actor ?? 'system:radius',
    service: request.service ?? 'pppoe',
    method: 'address_list' as const,
    address: session.framed_ip,
    username: session.username,
    list: request.list || 'isolir',
    comment: request.comment || (action === 'isolate' ? 'isolir' : 'restored'),
  }
  try {
    const result =
      action === 'isolate'
        ? await gateway.implementation.isolate(isolation)
        : await gateway.implementation.restore(isolation)
    return {
      ...base,
      ok: true,
      via: 'router',
      router: result,
      message: `${why}Done on the router instead: address list ${result.addressList.replace('_', ' ')}, ${result.sessionsDropped} session(s) dropped.`,
    }
  } catch (error) {
    const code = error instanceof ApiError ? String(error.code) : 'ROUTER_FAILED'
    const message = error instanceof Error ? error.message : String(error)
    return {
      ...base,
      ok: false,
      via: null,
      code,
      message: `${why}The router fallback failed: ${message}`,
    }
  }
}

async function controlOne(
  action: SessionAction,
  session: OpenSession,
  request: SessionTarget & { attributes?: SessionAttributes; list?: string }
): Promise<SessionOutcome> {
  const base = { sessionId: String(session.id), username: session.username, nas: session.nas_name }
  let coa: CoaAnswer | undefined
  if (takesCoa(session)) {
    if (action === 'disconnect' || (action === 'restore' && !request.attributes)) {
      coa = await sendToNas(session, 'Disconnect-Request')
      if (coa.outcome === 'acked')
        return { ...base, ok: true, via: 'disconnect', coa, message: coa.message }
    } else {
      const change =
        action === 'isolate'
          ? { ...request.attributes, 'Mikrotik-Address-List': request.list || 'isolir' }
          : request.attributes!
      coa = await sendToNas(session, 'CoA-Request', change)
      if (coa.outcome === 'acked')
        return { ...base, ok: true, via: 'coa', coa, message: coa.message }
    }
  }
  if (action === 'isolate' || action === 'restore') return onRouter(action, session, request, coa)
  if (action === 'change' && coa?.outcome === 'refused') {
    // Refused the change but reachable: ending the session makes the next login carry the new attributes.
    const ended = await sendToNas(session, 'Disconnect-Request')
    if (ended.outcome === 'acked') {
      return {
        ...base,
        ok: true,
        via: 'disconnect',
        coa: ended,
        message: `${coa.message} The session was ended instead; the customer reconnects with the new attributes.`,
      }
    }
  }
  return {
    ...base,
    ok: false,
    via: null,
    coa,
    code: coa ? coaFailure(coa) : 'NAS_NO_COA',
    message: coa
      ? coa.message
      : `NAS "${session.nas_name ?? '?'}" has no CoA port or RADIUS secret on record; the change applies at the customer's next login.`,
  }
}

async function run(
  action: SessionAction,
  request: SessionTarget & { attributes?: SessionAttributes; list?: string }
): Promise<SessionControlResult> {
  checkTarget(request)
  checkAttributes(request.attributes, action === 'change')
  // Read, then talk to routers outside any transaction: a slow NAS holds no connection.
  const sessions = await withTenant(request.tenantId, (trx) => openSessions(request, trx))
  if (request.sessionId && sessions.length === 0) throw ApiError.notFound('Open session')
  const outcomes: SessionOutcome[] = []
  for (const session of sessions) outcomes.push(await controlOne(action, session, request))
  const ok = outcomes.every((outcome) => outcome.ok)
  const message =
    outcomes.length === 0
      ? 'No open session: the change applies at the next login.'
      : outcomes.map((outcome) => outcome.message).join(' ')
  await withTenant(request.tenantId, (trx) =>
    recordAudit(
      {
        tenantId: request.tenantId,
        actor: request.actor ?? 'system:radius',
        action: AUDIT_ACTIONS[action],
        subjectType: request.sessionId ? 'radius_session' : 'radius_login',
        subjectId: request.sessionId ?? request.username!,
        after: {
          username: request.username ?? sessions[0]?.username ?? null,
          attributes: request.attributes ?? null,
          ok,
          sessions: outcomes.map(({ router, ...outcome }) => ({
            ...outcome,
            router: router
              ? { addressList: router.addressList, sessionsDropped: router.sessionsDropped }
              : undefined,
          })),
        },
      },
      trx
    )
  )
  return { action, ok, sessions: outcomes, message }
}

/**
 * The service other plugins call through `plugins/radius/contracts.ts`
 * (billing on isolation and payment, customers on a package change).
 */
export const sessionControl = {
  /** Puts the login's open sessions on the isolir address list (CoA, else the router). */
  isolateSession: (request: IsolateSessionRequest) => run('isolate', request),
  /** Takes them off it again (CoA with the normal attributes, a disconnect, else the router). */
  restoreSession: (request: RestoreSessionRequest) => run('restore', request),
  /** New attributes on live sessions, e.g. `Mikrotik-Rate-Limit` after a package change. */
  changeSessionAttributes: (request: ChangeAttributesRequest) => run('change', request),
  /** Ends sessions with a Disconnect-Request. */
  disconnectSession: (request: SessionTarget) => run('disconnect', request),
}

export type SessionControl = typeof sessionControl
