import { randomBytes } from 'node:crypto'
import type { Socket } from 'node:net'
import { challengeResponse } from '../routeros/login.js'
import { type ParsedSentence, parseSentence } from '../routeros/sentence.js'
import { SentenceDecoder, encodeSentence } from '../routeros/words.js'
import { runCommand, trapReplies } from './commands.js'
import type { RouterState } from './state.js'

/** What a session needs from the simulator that owns it. */
export interface SessionHost {
  readonly user: string
  readonly password: string
  readonly legacyLogin: boolean
  readonly emptyReplies: boolean
  readonly state: RouterState
  /** Milliseconds to hold the reply to this request. */
  delayFor(entry: CommandLogEntry): number
  readonly fragmentBytes: number | null
  readonly loginRefused: boolean
  record(entry: CommandLogEntry): void
  loggedIn(session: SimulatorSession): void
  disconnected(path: string, count: number): void
}

export interface CommandLogEntry {
  session: number
  at: Date
  command: string
  tag?: string
  attributes: Record<string, string>
  queries: string[]
}

/** One API connection to the simulated router. */
export class SimulatorSession {
  readonly id: number
  readonly #socket: Socket
  readonly #host: SessionHost
  readonly #decoder = new SentenceDecoder()
  readonly #delayed = new Map<string, NodeJS.Timeout>()
  #outbox: Array<Buffer | (() => void)> = []
  #pumping = false
  #challenge: string | null = null
  #user: string | null = null
  #ending = false

  constructor(id: number, socket: Socket, host: SessionHost) {
    this.id = id
    this.#socket = socket
    this.#host = host
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => this.#onData(chunk))
    // A client that vanishes mid-write must not crash the simulator.
    socket.on('error', () => socket.destroy())
    socket.on('close', () => this.#clearDelayed())
  }

  get user(): string | null {
    return this.#user
  }

  get closed(): boolean {
    return this.#socket.destroyed
  }

  /** `!fatal` with a reason, then the router hangs up. */
  fatal(reason: string): void {
    if (this.#ending || this.#socket.destroyed) return
    this.#ending = true
    this.#clearDelayed()
    this.#write(encodeSentence(['!fatal', reason]), () => this.#socket.end())
  }

  destroy(): void {
    this.#clearDelayed()
    this.#socket.destroy()
  }

  #onData(chunk: Buffer) {
    let sentences: string[][]
    try {
      sentences = this.#decoder.push(chunk)
    } catch {
      this.destroy()
      return
    }
    for (const words of sentences) {
      if (this.#ending || this.#socket.destroyed) return
      if (words.length > 0) this.#onRequest(parseSentence(words))
    }
  }

  #onRequest(request: ParsedSentence) {
    const entry: CommandLogEntry = {
      session: this.id,
      at: new Date(),
      command: request.head,
      tag: request.tag,
      attributes: request.attributes,
      queries: request.queries,
    }
    this.#host.record(entry)
    if (request.head === '/quit') return this.fatal('session terminated on request')
    if (request.head === '/cancel') return this.#cancel(request)
    const delay = this.#host.delayFor(entry)
    if (request.head === '/login') return this.#reply(request.tag, this.#login(request), delay)
    if (this.#user === null) {
      return this.#reply(request.tag, trapReplies('not logged in', '5'), delay)
    }
    const outcome = runCommand(this.#host.state, request, { emptyReplies: this.#host.emptyReplies })
    if (outcome.removed?.length && request.head.endsWith('active/remove')) {
      this.#host.disconnected(request.head.slice(0, -'/remove'.length), outcome.removed.length)
    }
    this.#reply(request.tag, outcome.replies, delay)
  }

  #login(request: ParsedSentence): string[][] {
    const { name, password, response } = request.attributes
    const invalid = trapReplies('invalid user name or password (6)')
    if (this.#host.loginRefused) return invalid
    if (response !== undefined) {
      const challenge = this.#challenge
      this.#challenge = null
      if (!challenge || name !== this.#host.user) return invalid
      if (response !== challengeResponse(this.#host.password, challenge)) return invalid
      return this.#accept(name)
    }
    // Routers before 6.43 ignore the password and always send a challenge.
    if (this.#host.legacyLogin || name === undefined) {
      this.#challenge = randomBytes(16).toString('hex')
      return [['!done', `=ret=${this.#challenge}`]]
    }
    if (name !== this.#host.user || password !== this.#host.password) return invalid
    return this.#accept(name)
  }

  #accept(name: string): string[][] {
    this.#user = name
    this.#host.loggedIn(this)
    return [['!done']]
  }

  /** Interrupts a reply still waiting on the configured delay. */
  #cancel(request: ParsedSentence) {
    const target = request.attributes.tag
    const timer = target === undefined ? undefined : this.#delayed.get(target)
    if (timer === undefined || target === undefined) {
      this.#send(request.tag, trapReplies('no such command or it is already finished'))
      return
    }
    clearTimeout(timer)
    this.#delayed.delete(target)
    this.#send(target, trapReplies('interrupted', '2'))
    this.#send(request.tag, [['!done']])
  }

  #reply(tag: string | undefined, replies: string[][], delay: number) {
    if (delay <= 0) return this.#send(tag, replies)
    const key = tag ?? `untagged-${Math.random()}`
    const timer = setTimeout(() => {
      this.#delayed.delete(key)
      this.#send(tag, replies)
    }, delay)
    this.#delayed.set(key, timer)
  }

  #send(tag: string | undefined, replies: string[][]) {
    if (this.#ending || this.#socket.destroyed) return
    const frames = replies.map((words) =>
      encodeSentence(tag === undefined ? words : [...words, `.tag=${tag}`])
    )
    this.#write(Buffer.concat(frames))
  }

  /**
   * With fragmentation on, bytes leave in N-byte writes, one per event-loop
   * turn, so the client really receives them as separate segments.
   */
  #write(data: Buffer, then?: () => void) {
    const size = this.#host.fragmentBytes
    if (!size && this.#outbox.length === 0 && !this.#pumping) {
      this.#socket.write(data)
      then?.()
      return
    }
    const step = size ?? data.length
    for (let i = 0; i < data.length; i += step) this.#outbox.push(data.subarray(i, i + step))
    if (then) this.#outbox.push(then)
    this.#pump()
  }

  #pump() {
    if (this.#pumping) return
    this.#pumping = true
    const next = () => {
      const item = this.#outbox.shift()
      if (item === undefined || this.#socket.destroyed) {
        this.#pumping = false
        this.#outbox = []
        return
      }
      if (typeof item === 'function') item()
      else this.#socket.write(item)
      setImmediate(next)
    }
    setImmediate(next)
  }

  #clearDelayed() {
    for (const timer of this.#delayed.values()) clearTimeout(timer)
    this.#delayed.clear()
  }
}
