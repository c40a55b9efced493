import type { Logger } from '@adonisjs/core/logger'
import { timingSafeEqual } from 'node:crypto'
import proxyAddr from 'proxy-addr'
import env from '#start/env'
import { confirmAcceptedLogin } from '../contracts.js'
import { authorizeLogin } from './authorize_login.js'
import { bookAccounting } from './accounting.js'
import { logLogin } from './login_log.js'
import { findNas } from './nas_directory.js'
import { reject, replyBody, text, type RadiusAttributes } from './rlm_rest.js'
import { waitingForDatabase } from './tenant_sql.js'

/**
 * What FreeRADIUS's rlm_rest calls get answered, as plain functions: the
 * AdonisJS routes (`/radius/*` on the app port) and the lean listener
 * (rest_server.ts) both answer through these, so they cannot drift apart.
 */
export interface RestAnswer {
  status: number
  /** JSON body; none for 204 */
  body?: Record<string, unknown>
}

const secret = Buffer.from(env.get('RADIUS_API_SECRET') || '')
const allowed = proxyAddr.compile(
  (env.get('RADIUS_ALLOWED_SOURCES') || 'loopback').split(',').map((s) => s.trim())
)

/** Only our FreeRADIUS may ask: the shared secret and an allowed source address. Null when allowed. */
export function callerRefusal(presented: string | undefined, address: string | undefined) {
  const given = Buffer.from(presented ?? '')
  const secretOk =
    secret.length > 0 && given.length === secret.length && timingSafeEqual(given, secret)
  if (!secretOk) return 'bad secret'
  if (!address || !allowed(address, 0)) return 'source not allowed'
  return null
}

export const CALLER_REFUSED: RestAnswer = {
  status: 401,
  body: { 'reply:Reply-Message': 'CALLER_UNAUTHORIZED' },
}

/**
 * Past these, a request is answered 503 at once (rlm_rest: fail) instead of
 * waiting behind the others until FreeRADIUS gives up on it: a NAS retries
 * sooner, and the requests already in hand still finish in time.
 */
const MAX_IN_FLIGHT = 256
const MAX_WAITING_FOR_DATABASE = 64
let inFlight = 0

export const BUSY: RestAnswer = { status: 503, body: { 'reply:Reply-Message': 'BUSY' } }

/** Runs `work` unless the process is saturated; then answers BUSY without queueing. */
export async function unlessBusy(
  logger: Logger,
  work: () => Promise<RestAnswer>
): Promise<RestAnswer> {
  if (inFlight >= MAX_IN_FLIGHT || waitingForDatabase() >= MAX_WAITING_FOR_DATABASE) {
    logger.warn({ inFlight, waiting: waitingForDatabase() }, 'RADIUS request shed: busy')
    return BUSY
  }
  inFlight++
  try {
    return await work()
  } finally {
    inFlight--
  }
}

/**
 * rlm_rest `authorize`: 200 with the cleartext password for FreeRADIUS to
 * check (PAP, CHAP and MS-CHAP all work from it) and the reply attributes,
 * or 401 with the reason as Reply-Message, which reaches the Access-Reject.
 */
export async function answerAuthorize(
  attributes: RadiusAttributes,
  logger: Logger
): Promise<RestAnswer> {
  const decision = await authorizeLogin(attributes)
  if (decision.accept) {
    return {
      status: 200,
      body: {
        'control:Cleartext-Password': decision.account.password,
        ...replyBody(decision.reply),
      },
    }
  }
  const username = text(attributes, 'User-Name') ?? ''
  if (logger.isLevelEnabled('info')) {
    logger.info(
      { username, nas: text(attributes, 'NAS-IP-Address'), code: decision.code },
      'RADIUS login refused'
    )
  }
  if (decision.tenantId) {
    logLogin({
      tenantId: decision.tenantId,
      username,
      result: 'reject',
      reason: decision.code,
      nasIp: text(attributes, 'NAS-IP-Address') ?? null,
      macAddress: text(attributes, 'Calling-Station-Id') ?? null,
    })
  }
  return { status: 401, body: reject(decision.code) }
}

/**
 * rlm_rest `accounting`: 204 once booked. An unknown NAS gets 204 too (there
 * is nothing to book, and an error would only make the NAS retry forever);
 * it is logged for the operator.
 */
export async function answerAccounting(
  attributes: RadiusAttributes,
  logger: Logger
): Promise<RestAnswer> {
  const nas = await findNas(text(attributes, 'NAS-IP-Address'))
  if (!nas) {
    logger.warn(
      { nas: text(attributes, 'NAS-IP-Address') },
      'RADIUS accounting from an unknown NAS'
    )
    return { status: 204 }
  }
  await bookAccounting(nas, attributes)
  return { status: 204 }
}

/**
 * rlm_rest `post-auth`: the login log. Accepts are logged here; refusals by
 * the platform were logged by authorize with their reason, so a reject seen
 * here is logged only when FreeRADIUS itself refused (a wrong password).
 * The log line is buffered and written with others a moment later (see
 * login_log.ts), so the answer does not wait for the database.
 */
export async function answerPostAuth(
  attributes: RadiusAttributes,
  rejected: boolean
): Promise<RestAnswer> {
  const nas = await findNas(text(attributes, 'NAS-IP-Address'))
  if (!nas) return { status: 204 }
  const failure = text(attributes, 'Module-Failure-Message')
  if (rejected && !failure) return { status: 204 }
  const username = text(attributes, 'User-Name') ?? ''
  const client = {
    macAddress: text(attributes, 'Calling-Station-Id'),
    nasIp: text(attributes, 'NAS-IP-Address'),
  }
  // Listeners (voucher activation) may still refuse; FreeRADIUS then sends a reject.
  const refusal = rejected
    ? null
    : await confirmAcceptedLogin({ tenantId: nas.tenantId, username, client })
  logLogin({
    tenantId: nas.tenantId,
    username,
    result: rejected || refusal ? 'reject' : 'accept',
    reason: refusal ? refusal.code : rejected ? `WRONG_PASSWORD: ${failure}` : null,
    nasIp: client.nasIp ?? null,
    macAddress: client.macAddress ?? null,
  })
  return refusal ? { status: 401, body: reject(refusal.code) } : { status: 204 }
}
