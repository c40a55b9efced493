import { createSocket } from 'node:dgram'
import { randomInt } from 'node:crypto'
import {
  decodeCoaResponse,
  encodeCoaRequest,
  verifyCoaResponse,
  type CoaCode,
  type SessionAttributes,
} from './coa_packets.js'

export type CoaOutcome = 'acked' | 'refused' | 'no_answer'

export interface CoaAnswer {
  outcome: CoaOutcome
  /** RFC 5176 Error-Cause of a NAK, by name (`Session-Context-Not-Found`) */
  errorCause?: string
  /** What happened, in words an operator can act on */
  message: string
}

/** Error-Cause values a MikroTik or another NAS sends back, in plain words. */
const CAUSES: Record<string, string> = {
  'Residual-Context-Removed': 'the session was already gone',
  'Unsupported-Attribute': 'the router does not support one of the attributes',
  'Missing-Attribute': 'the request lacked an attribute the router needs',
  'NAS-Identification-Mismatch': 'the request was meant for another router',
  'Invalid-Request': 'the router found the request invalid',
  'Unsupported-Service': 'the router does not support this change',
  'Unsupported-Extension': 'the router does not support CoA of this kind',
  'Invalid-Attribute-Value': 'the router refused an attribute value',
  'Administratively-Prohibited': 'the router is set to refuse it',
  'Request-Not-Routable': 'the router could not route the request',
  'Session-Context-Not-Found': 'the router has no such session (the customer may have logged off)',
  'Session-Context-Not-Removable': 'the router could not end the session',
  'Other-Proxy-Processing-Error': 'a proxy between platform and router failed',
  'Resources-Unavailable': 'the router lacked resources to do it',
  'Request-Initiated': 'the router started its own request instead',
  'Multiple-Session-Selection-Unsupported': 'the request matched more than one session',
}

function answer(code: CoaCode, outcome: CoaOutcome, errorCause?: string): CoaAnswer {
  const what = code === 'CoA-Request' ? 'change (CoA)' : 'disconnect'
  if (outcome === 'acked') return { outcome, message: `The router confirmed the ${what}.` }
  if (outcome === 'no_answer') {
    return {
      outcome,
      message: `The router did not answer the ${what}. Check "/radius incoming set accept=yes" on the router, the CoA port and the RADIUS secret.`,
    }
  }
  const reason = errorCause ? (CAUSES[errorCause] ?? errorCause) : 'no reason given'
  return { outcome, errorCause, message: `The router refused the ${what}: ${reason}.` }
}

/**
 * Sends a CoA-Request or Disconnect-Request to a NAS (RFC 5176, UDP) and
 * waits for its ACK or NAK, resending the same packet on silence. Answers are
 * checked against the shared secret, so a forged reply cannot confirm anything.
 */
export function sendCoa(options: {
  code: CoaCode
  host: string
  port: number
  secret: string
  identity: [string, string][]
  change?: SessionAttributes
  timeoutMs?: number
  retries?: number
}): Promise<CoaAnswer> {
  const request = encodeCoaRequest({
    code: options.code,
    identifier: randomInt(256),
    secret: options.secret,
    identity: options.identity,
    change: options.change,
  })
  const [ack, nak] =
    options.code === 'CoA-Request' ? ['CoA-ACK', 'CoA-NAK'] : ['Disconnect-ACK', 'Disconnect-NAK']
  const socket = createSocket(options.host.includes(':') ? 'udp6' : 'udp4')
  let attempts = 0
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout
    let done = false
    const finish = (outcome: CoaOutcome, errorCause?: string) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.close()
      resolve(answer(options.code, outcome, errorCause))
    }
    const send = () => {
      attempts++
      socket.send(request, options.port, options.host)
      timer = setTimeout(
        () => (attempts > (options.retries ?? 2) ? finish('no_answer') : send()),
        options.timeoutMs ?? 1000
      )
    }
    socket.on('message', (message) => {
      if (!verifyCoaResponse(request, message, options.secret)) return
      let decoded: ReturnType<typeof decodeCoaResponse>
      try {
        decoded = decodeCoaResponse(message)
      } catch {
        return
      }
      if (decoded.code === ack) finish('acked')
      else if (decoded.code === nak) finish('refused', decoded.errorCause)
    })
    socket.on('error', () => finish('no_answer'))
    send()
  })
}

/** A Disconnect-Request naming the session by `attributes` (User-Name, Acct-Session-Id, ...). */
export function sendDisconnect(options: {
  host: string
  port: number
  secret: string
  attributes: [string, string][]
  timeoutMs?: number
  retries?: number
}) {
  const { attributes, ...rest } = options
  return sendCoa({ ...rest, code: 'Disconnect-Request', identity: attributes })
}
