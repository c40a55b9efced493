import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM) */
  from: string
  /** Envelope recipients (RCPT TO), lower-cased */
  to: string[]
  /** Header fields by lower-cased name, encoded words decoded */
  headers: Map<string, string>
  subject: string
  /** The text/plain body, transfer encoding undone, `\n` line ends */
  text: string
  raw: string
}

type Waiter = { matches: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }

/**
 * A local SMTP server that accepts every message and keeps it, so tests
 * can read what the platform really sent over the wire. Plain text on
 * loopback: no TLS, no login required.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = []
  #waiters: Waiter[] = []
  #server: SMTPServer

  private constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      // Not offering STARTTLS keeps nodemailer from trying to upgrade the connection.
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 1000,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('error', callback)
        stream.on('end', () => {
          this.#receive({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            ...parseMessage(Buffer.concat(chunks).toString('utf8')),
          })
          callback()
        })
      },
    })
  }

  static async start(port: number, host = '127.0.0.1') {
    const sink = new SmtpSink()
    await new Promise<void>((resolve, reject) => {
      sink.#server.once('error', reject)
      sink.#server.listen(port, host, () => resolve())
    })
    return sink
  }

  /** Messages whose envelope names this recipient. */
  sentTo(address: string) {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()))
  }

  /** The first message (received or still to come) that matches. */
  waitFor(matches: (mail: ReceivedMail) => boolean, timeoutMs = 5000): Promise<ReceivedMail> {
    const found = this.messages.find(matches)
    if (found) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        resolve: (mail) => {
          clearTimeout(timer)
          resolve(mail)
        },
      }
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter)
        const seen = this.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ')
        reject(
          new Error(
            `SMTP_SINK_TIMEOUT: no matching message within ${timeoutMs} ms (received: ${seen || 'none'})`
          )
        )
      }, timeoutMs)
      this.#waiters.push(waiter)
    })
  }

  close() {
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #receive(mail: ReceivedMail) {
    this.messages.push(mail)
    for (const waiter of this.#waiters.filter((w) => w.matches(mail))) {
      this.#waiters = this.#waiters.filter((w) => w !== waiter)
      waiter.resolve(mail)
    }
  }
}

/*
 * Just enough of RFC 5322 / MIME to read what nodemailer writes: unfolded
 * headers, RFC 2047 encoded words, quoted-printable and base64 bodies, and
 * the text/plain part of a multipart message.
 */
function parseMessage(raw: string) {
  // The line end before SMTP's closing dot ends the transmission, not the text.
  const { headers, body } = parseEntity(raw.replace(/\r?\n$/, ''))
  return { headers, subject: headers.get('subject') ?? '', text: textOf(headers, body), raw }
}

function parseEntity(raw: string) {
  const normalized = raw.replace(/\r\n/g, '\n')
  const split = normalized.indexOf('\n\n')
  const head = split === -1 ? normalized : normalized.slice(0, split)
  const body = split === -1 ? '' : normalized.slice(split + 2)
  const headers = new Map<string, string>()
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()))
  }
  return { headers, body }
}

function textOf(headers: Map<string, string>, body: string): string {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1)
    for (const part of parts) {
      if (part.startsWith('--')) break
      // The line ends around a boundary belong to the boundary.
      const entity = parseEntity(part.replace(/^\n/, '').replace(/\n$/, ''))
      const text = textOf(entity.headers, entity.body)
      if (text) return text
    }
    return ''
  }
  if (!/^text\/plain/i.test(type)) return ''
  return decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit')
}

function decodeBody(body: string, encoding: string) {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\n/g, ''))
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n')
    default:
      return body
  }
}

/** `=XX` escapes are bytes of UTF-8; everything else in quoted-printable is ASCII. */
function decodeQuotedPrintable(text: string) {
  const bytes = text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex) =>
    String.fromCharCode(Number.parseInt(hex, 16))
  )
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

function decodeWords(value: string) {
  // Whitespace between two adjacent encoded words is not part of the text.
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' '))
    )
}
