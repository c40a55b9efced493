import { createSocket } from 'node:dgram'
import { randomInt } from 'node:crypto'
import radius from 'radius'

export type CoaOutcome = 'acked' | 'refused' | 'no_answer'

/**
 * Sends a Disconnect-Request to a NAS (RFC 5176, UDP) and waits for its
 * Disconnect-ACK or -NAK. The answer is checked against the shared secret,
 * so a forged reply cannot confirm a disconnect.
 */
export function sendDisconnect(options: {
  host: string
  port: number
  secret: string
  attributes: [string, string][]
  timeoutMs?: number
  retries?: number
}): Promise<{ outcome: CoaOutcome; errorCause?: string }> {
  const request = radius.encode({
    code: 'Disconnect-Request',
    secret: options.secret,
    identifier: randomInt(256),
    attributes: options.attributes,
  })
  const socket = createSocket(options.host.includes(':') ? 'udp6' : 'udp4')
  let attempts = 0
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout
    const finish = (result: { outcome: CoaOutcome; errorCause?: string }) => {
      clearTimeout(timer)
      socket.close()
      resolve(result)
    }
    const send = () => {
      attempts++
      socket.send(request, options.port, options.host)
      timer = setTimeout(
        () => (attempts > (options.retries ?? 2) ? finish({ outcome: 'no_answer' }) : send()),
        options.timeoutMs ?? 1000
      )
    }
    socket.on('message', (message) => {
      if (!radius.verify_response({ request, response: message, secret: options.secret })) return
      const reply = radius.decode({ packet: message, secret: options.secret })
      if (reply.code === 'Disconnect-ACK') finish({ outcome: 'acked' })
      else if (reply.code === 'Disconnect-NAK')
        finish({ outcome: 'refused', errorCause: String(reply.attributes['Error-Cause'] ?? '') })
    })
    socket.on('error', () => finish({ outcome: 'no_answer' }))
    send()
  })
}
