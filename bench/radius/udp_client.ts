import { createHash, randomBytes } from 'node:crypto'
import { createSocket, type Socket } from 'node:dgram'

/**
 * A minimal RADIUS client (RFC 2865 / 2866) for the fixed-rate latency pass:
 * radclient reports totals only, so per-request round trips are timed here.
 * Written out rather than pulled in as a dependency: it needs PAP and
 * accounting packets and the reply code, nothing else.
 */
type Kind = 'text' | 'integer' | 'ipaddr' | 'password'
export const ATTR = {
  'User-Name': [1, 'text'],
  'User-Password': [2, 'password'],
  'NAS-IP-Address': [4, 'ipaddr'],
  'NAS-Port': [5, 'integer'],
  'Framed-IP-Address': [8, 'ipaddr'],
  'Calling-Station-Id': [31, 'text'],
  'Acct-Status-Type': [40, 'integer'],
  'Acct-Input-Octets': [42, 'integer'],
  'Acct-Output-Octets': [43, 'integer'],
  'Acct-Session-Id': [44, 'text'],
  'Acct-Session-Time': [46, 'integer'],
  'Acct-Terminate-Cause': [49, 'integer'],
} as const satisfies Record<string, readonly [number, Kind]>

/** Dictionary names of the enumerated values used here (radclient takes the names). */
const VALUES: Record<string, number> = {
  'Start': 1,
  'Stop': 2,
  'Interim-Update': 3,
  'User-Request': 1,
}

const CODE = { 'Access-Request': 1, 'Accounting-Request': 4 } as const
const REPLY_NAMES: Record<number, string> = {
  2: 'Access-Accept',
  3: 'Access-Reject',
  5: 'Accounting-Response',
  11: 'Access-Challenge',
}

export type AttrName = keyof typeof ATTR
/** Values as radclient reads them: text, numbers, dotted addresses, enumerated names. */
export type Packet = {
  code: keyof typeof CODE
  attributes: Partial<Record<AttrName, string | number>>
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest()

function encodeValue(kind: Kind, value: string | number, secret: Buffer, vector: Buffer) {
  if (kind === 'integer') {
    const out = Buffer.alloc(4)
    out.writeUInt32BE(typeof value === 'number' ? value : VALUES[value])
    return out
  }
  value = String(value)
  if (kind === 'ipaddr') return Buffer.from(value.split('.').map(Number))
  if (kind === 'text') return Buffer.from(value)
  // RFC 2865 §5.2: pad to 16 bytes, XOR each block with MD5(secret + previous block).
  const plain = Buffer.alloc(Math.ceil(Math.max(value.length, 1) / 16) * 16)
  plain.write(value)
  const out = Buffer.alloc(plain.length)
  let previous = vector
  for (let i = 0; i < plain.length; i += 16) {
    const key = md5(secret, previous)
    for (let j = 0; j < 16; j++) out[i + j] = plain[i + j] ^ key[j]
    previous = out.subarray(i, i + 16)
  }
  return out
}

export function encode(packet: Packet, id: number, secret: Buffer): Buffer {
  const isAccess = packet.code === 'Access-Request'
  const vector = isAccess ? randomBytes(16) : Buffer.alloc(16)
  const attributes = Object.entries(packet.attributes).map(([name, value]) => {
    const [type, kind] = ATTR[name as AttrName]
    const data = encodeValue(kind, value!, secret, vector)
    return Buffer.concat([Buffer.from([type, data.length + 2]), data])
  })
  const body = Buffer.concat(attributes)
  const header = Buffer.alloc(20)
  header.writeUInt8(CODE[packet.code], 0)
  header.writeUInt8(id, 1)
  header.writeUInt16BE(20 + body.length, 2)
  vector.copy(header, 4)
  const raw = Buffer.concat([header, body])
  // RFC 2866 §3: the accounting authenticator signs the packet with the secret.
  if (!isAccess) md5(raw, secret).copy(raw, 4)
  return raw
}

export interface FixedRateResult {
  sent: number
  replies: Record<string, number>
  lost: number
  /** Milliseconds from send to reply, for answered requests. */
  latencies: number[]
  /** How late sends left against their schedule (ms, p99): shows whether the client kept up. */
  lagP99: number
}

/**
 * Sends `rate` packets per second for `seconds`, open loop: a send never
 * waits for an earlier reply, as NAS traffic does not. Sockets are spread so
 * that no RADIUS id (8 bits per socket) is reused within the timeout.
 */
export async function fixedRate(options: {
  port: number
  secret: string
  rate: number
  seconds: number
  packet: (index: number) => Packet
  timeoutMs?: number
}): Promise<FixedRateResult> {
  const { port, rate, seconds, timeoutMs = 2000 } = options
  const secret = Buffer.from(options.secret)
  const total = Math.round(rate * seconds)
  const socketCount = Math.max(1, Math.ceil((rate * (timeoutMs / 1000 + 1)) / 256))
  const pending = new Map<string, number>()
  const result: FixedRateResult = { sent: 0, replies: {}, lost: 0, latencies: [], lagP99: 0 }
  const lags: number[] = []

  const sockets: Socket[] = []
  for (let s = 0; s < socketCount; s++) {
    const socket = createSocket('udp4')
    socket.on('message', (message) => {
      const key = `${s}:${message[1]}`
      const sentAt = pending.get(key)
      if (sentAt === undefined) return // a late reply after its timeout
      pending.delete(key)
      result.latencies.push(performance.now() - sentAt)
      const code = REPLY_NAMES[message[0]] ?? `code ${message[0]}`
      result.replies[code] = (result.replies[code] ?? 0) + 1
    })
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
    sockets.push(socket)
  }

  const start = performance.now()
  let next = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now()
      // Everything due by now goes out, so a late timer does not lower the rate.
      while (next < total && start + (next * 1000) / rate <= now) {
        const s = next % socketCount
        const id = Math.floor(next / socketCount) % 256
        const sentAt = performance.now()
        lags.push(sentAt - (start + (next * 1000) / rate))
        // An id still pending after a full cycle of ids never got its reply.
        if (pending.has(`${s}:${id}`)) result.lost++
        pending.set(`${s}:${id}`, sentAt)
        sockets[s].send(encode(options.packet(next), id, secret), port, '127.0.0.1')
        next++
      }
      if (next < total) setTimeout(tick, 1)
      else resolve()
    }
    tick()
  })
  result.sent = total
  // Wait for the stragglers, then whatever is still pending is lost.
  const deadline = performance.now() + timeoutMs
  while (pending.size > 0 && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10))
  }
  result.lost += pending.size
  for (const socket of sockets) socket.close()
  result.lagP99 = percentile(lags, 0.99)
  return result
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
}
