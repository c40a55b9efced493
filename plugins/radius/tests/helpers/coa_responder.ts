import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { createSocket } from 'node:dgram'
import radius from 'radius'

/**
 * A NAS's RFC 5176 listener for tests, written apart from the platform's
 * client: it checks each request's Request Authenticator and
 * Message-Authenticator with the shared secret as a router would, drops
 * requests that fail, decodes the attributes (MikroTik's vendor attributes
 * included) and answers ACK or NAK as the test decides.
 */

export interface ReceivedRequest {
  code: string
  attributes: Record<string, string>
  /** Both authenticators matched the shared secret */
  verified: boolean
  hadMessageAuthenticator: boolean
}

export type Decision = { nak?: false } | { nak: true; errorCause?: string } | { silent: true }

const MIKROTIK_NAMES: Record<number, string> = {
  3: 'Mikrotik-Group',
  8: 'Mikrotik-Rate-Limit',
  19: 'Mikrotik-Address-List',
}

function verify(packet: Buffer, secret: string) {
  const copy = Buffer.from(packet)
  const authenticator = Buffer.from(copy.subarray(4, 20))
  copy.fill(0, 4, 20)
  // Message-Authenticator first: HMAC-MD5 over the packet with a zero authenticator and a zero MA.
  let offset = 20
  let ma: Buffer | null = null
  let maAt = -1
  while (offset < copy.length) {
    const [type, length] = [copy[offset], copy[offset + 1]]
    if (type === 80) {
      maAt = offset + 2
      ma = Buffer.from(copy.subarray(maAt, maAt + 16))
    }
    offset += length
  }
  let maOk = true
  if (ma) {
    const zeroed = Buffer.from(copy)
    zeroed.fill(0, maAt, maAt + 16)
    maOk = timingSafeEqual(createHmac('md5', secret).update(zeroed).digest(), ma)
  }
  const expected = createHash('md5').update(copy).update(secret).digest()
  return { verified: maOk && timingSafeEqual(expected, authenticator), hadMa: ma !== null }
}

function attributesOf(packet: Buffer) {
  const decoded = radius.decode_without_secret({ packet })
  const attributes: Record<string, string> = {}
  for (const [name, value] of Object.entries(decoded.attributes)) {
    if (name === 'Message-Authenticator' || name === 'Vendor-Specific') continue
    attributes[name] = String(value)
  }
  for (const [type, value] of decoded.raw_attributes as [number, Buffer][]) {
    if (type !== 26 || value.readUInt32BE(0) !== 14988) continue
    let at = 4
    while (at < value.length) {
      const [id, length] = [value[at], value[at + 1]]
      attributes[MIKROTIK_NAMES[id] ?? `Mikrotik-${id}`] = value
        .subarray(at + 2, at + length)
        .toString('utf8')
      at += length
    }
  }
  return { decoded, attributes }
}

export async function startCoaResponder(options: {
  secret: string
  /** Sign answers with another secret, as a misconfigured router would */
  answerSecret?: string
  decide?: (request: ReceivedRequest) => Decision
}) {
  const received: ReceivedRequest[] = []
  const socket = createSocket('udp4')
  socket.on('message', (message, remote) => {
    const { verified, hadMa } = verify(message, options.secret)
    const { decoded, attributes } = attributesOf(message)
    const request = { code: decoded.code, attributes, verified, hadMessageAuthenticator: hadMa }
    received.push(request)
    if (!verified) return // a NAS drops what the shared secret does not sign
    const decision = options.decide?.(request) ?? {}
    if ('silent' in decision) return
    const [ack, nak] =
      decoded.code === 'CoA-Request' ? ['CoA-ACK', 'CoA-NAK'] : ['Disconnect-ACK', 'Disconnect-NAK']
    const answer = radius.encode_response({
      packet: decoded,
      code: decision.nak ? nak : ack,
      secret: options.answerSecret ?? options.secret,
      attributes: decision.nak && decision.errorCause ? [['Error-Cause', decision.errorCause]] : [],
    })
    socket.send(answer, remote.port, remote.address)
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  return {
    port: socket.address().port,
    received,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}
