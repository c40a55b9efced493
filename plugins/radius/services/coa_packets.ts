import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import radius from 'radius'

/**
 * RFC 5176 packets (CoA-Request, Disconnect-Request) encoded with the
 * `radius` library and signed as the RFC and FreeRADIUS do: the
 * Message-Authenticator is an HMAC over the packet with a zeroed
 * authenticator, and the Request Authenticator is then the MD5 of the packet
 * (Message-Authenticator included) and the shared secret. The library signs
 * in the opposite order, which a NAS would reject.
 */

export type CoaCode = 'CoA-Request' | 'Disconnect-Request'

/** Attribute values a CoA may change, by dictionary name (`Mikrotik-Rate-Limit`, `Session-Timeout`) */
export type SessionAttributes = Record<string, string | number>

const MESSAGE_AUTHENTICATOR = 80
const VENDOR_SPECIFIC = 26
const MIKROTIK_VENDOR = 14988

/** MikroTik's vendor attributes (vendor 14988) that make sense on a live session. */
const MIKROTIK: Record<string, { id: number; type: 'string' | 'integer' }> = {
  'Mikrotik-Recv-Limit': { id: 1, type: 'integer' },
  'Mikrotik-Xmit-Limit': { id: 2, type: 'integer' },
  'Mikrotik-Group': { id: 3, type: 'string' },
  'Mikrotik-Rate-Limit': { id: 8, type: 'string' },
  'Mikrotik-Recv-Limit-Gigawords': { id: 14, type: 'integer' },
  'Mikrotik-Xmit-Limit-Gigawords': { id: 15, type: 'integer' },
  'Mikrotik-Total-Limit': { id: 17, type: 'integer' },
  'Mikrotik-Total-Limit-Gigawords': { id: 18, type: 'integer' },
  'Mikrotik-Address-List': { id: 19, type: 'string' },
}

/** Standard attributes a CoA may carry to change a session (RFC 2865 / 2866 types). */
const STANDARD = new Set([
  'Session-Timeout',
  'Idle-Timeout',
  'Acct-Interim-Interval',
  'Filter-Id',
  'Reply-Message',
  'Framed-Pool',
])

export const CHANGEABLE_ATTRIBUTES = [...Object.keys(MIKROTIK), ...STANDARD]

export function isChangeableAttribute(name: string) {
  return name in MIKROTIK || STANDARD.has(name)
}

function vendorAttribute(name: string, value: string | number): [number, Buffer] {
  const { id, type } = MIKROTIK[name]
  if (type === 'string') return [id, Buffer.from(String(value), 'utf8')]
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0 || number > 0xffffffff) {
    throw new Error(`COA_ATTRIBUTE_INVALID: ${name} must be a whole number`)
  }
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32BE(number)
  return [id, buffer]
}

/** Offset of the Message-Authenticator's value in a packet, or -1. */
function messageAuthenticatorOffset(packet: Buffer) {
  const length = packet.readUInt16BE(2)
  let offset = 20
  while (offset + 2 <= length) {
    const size = packet[offset + 1]
    if (size < 2) return -1
    if (packet[offset] === MESSAGE_AUTHENTICATOR && size === 18) return offset + 2
    offset += size
  }
  return -1
}

/**
 * A signed request: `identity` names the session (User-Name, Acct-Session-Id,
 * Framed-IP-Address), `change` the attributes to apply (CoA only).
 */
export function encodeCoaRequest(options: {
  code: CoaCode
  identifier: number
  secret: string
  identity: [string, string][]
  change?: SessionAttributes
}): Buffer {
  const attributes: unknown[] = [...options.identity]
  const vendor: [number, Buffer][] = []
  for (const [name, value] of Object.entries(options.change ?? {})) {
    if (name in MIKROTIK) vendor.push(vendorAttribute(name, value))
    else if (STANDARD.has(name)) attributes.push([name, value])
    else throw new Error(`COA_ATTRIBUTE_UNKNOWN: ${name} cannot be changed by CoA here`)
  }
  if (vendor.length > 0) attributes.push(['Vendor-Specific', MIKROTIK_VENDOR, vendor])
  attributes.push(['Message-Authenticator', Buffer.alloc(16)])
  const packet: Buffer = radius.encode({
    code: options.code,
    identifier: options.identifier,
    secret: options.secret,
    attributes: attributes as any,
  })
  return signRequest(packet, options.secret)
}

function signRequest(packet: Buffer, secret: string) {
  packet.fill(0, 4, 20)
  const at = messageAuthenticatorOffset(packet)
  if (at > 0) {
    packet.fill(0, at, at + 16)
    createHmac('md5', secret).update(packet).digest().copy(packet, at)
  }
  createHash('md5').update(packet).update(secret).digest().copy(packet, 4)
  return packet
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b)

/**
 * Whether `response` answers `request` and was signed with the secret: the
 * Response Authenticator (MD5 over the response with the request's
 * authenticator, plus the secret) and, when present, its Message-Authenticator.
 */
export function verifyCoaResponse(request: Buffer, response: Buffer, secret: string) {
  if (response.length < 20 || response[1] !== request[1]) return false
  const length = response.readUInt16BE(2)
  if (length < 20 || length > response.length) return false
  const packet = Buffer.from(response.subarray(0, length))
  const received = Buffer.from(packet.subarray(4, 20))
  request.copy(packet, 4, 4, 20)
  const expected = createHash('md5').update(packet).update(secret).digest()
  if (!same(received, expected)) return false
  const at = messageAuthenticatorOffset(packet)
  if (at < 0) return true
  const presented = Buffer.from(packet.subarray(at, at + 16))
  packet.fill(0, at, at + 16)
  return same(presented, createHmac('md5', secret).update(packet).digest())
}

/** The answer's code and its Error-Cause by name (`Session-Context-Not-Found`), if any. */
export function decodeCoaResponse(response: Buffer) {
  const decoded = radius.decode_without_secret({ packet: response })
  const cause = decoded.attributes['Error-Cause']
  return {
    code: decoded.code as string,
    errorCause: cause === undefined ? undefined : String(cause),
  }
}

export { VENDOR_SPECIFIC, MIKROTIK_VENDOR, MESSAGE_AUTHENTICATOR }
