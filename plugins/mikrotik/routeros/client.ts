import type { Socket } from 'node:net'
import { RouterError } from './errors.js'
import type {
  CommandOptions,
  CommandResult,
  PrintOptions,
  RouterClient,
  RouterConnectOptions,
  RouterParams,
  RouterRow,
} from './types.js'
import { login } from './login.js'
import { commandWords, normalizeMenu, parseSentence } from './sentence.js'
import { describeSocketError, openTransport } from './transport.js'
import { SentenceDecoder, encodeSentence } from './words.js'

export type { RouterClient, RouterConnectOptions } from './types.js'

interface PendingCommand {
  path: string
  rows: RouterRow[]
  empty: boolean
  trap?: { message: string; category?: string }
  timer: NodeJS.Timeout
  resolve: (result: CommandResult) => void
  reject: (error: RouterError) => void
}

const DEFAULT_TIMEOUT_MS = 10_000
/** Bound on remembered cancelled tags whose late replies are dropped. */
const MAX_CANCELLED = 1024

export class RouterOsConnection implements RouterClient {
  readonly address: string
  readonly #options: Required<Omit<RouterConnectOptions, 'port'>> & { port: number }
  #socket: Socket | null = null
  readonly #decoder = new SentenceDecoder()
  readonly #pending = new Map<string, PendingCommand>()
  readonly #cancelled = new Set<string>()
  readonly #closeListeners = new Set<(reason: RouterError) => void>()
  #nextTag = 1
  #closed = false
  #closedByPlatform = false
  #socketClosed: Promise<void> = Promise.resolve()
  #lastSocketError: Error | null = null

  constructor(options: RouterConnectOptions) {
    const tls = options.tls ?? false
    this.#options = {
      host: options.host,
      port: options.port ?? (tls ? 8729 : 8728),
      user: options.user,
      password: options.password,
      tls,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      legacyLogin: options.legacyLogin ?? false,
    }
    this.address = `${this.#options.host}:${this.#options.port}`
  }

  get closed(): boolean {
    return this.#closed
  }

  /** Opens the socket and logs in. On failure the connection is closed. */
  async open(): Promise<this> {
    if (this.#socket || this.#closed) {
      throw new RouterError('ROUTER_PROTOCOL', `${this.address} connection was already opened`)
    }
    const { host, port, tls, timeoutMs } = this.#options
    const deadline = Date.now() + timeoutMs
    const socket = await openTransport({ host, port, tls, timeoutMs })
    if (this.#closed) {
      // close() was called while the socket was opening.
      socket.destroy()
      throw new RouterError(
        'ROUTER_CLOSED',
        `${this.address} connection was closed by the platform`
      )
    }
    this.#attach(socket)
    try {
      await login(
        async (words) => {
          const remaining = Math.max(1, deadline - Date.now())
          const result = await this.#dispatch('/login', words, remaining)
          return { ret: result.ret }
        },
        { ...this.#options, port }
      )
    } catch (error) {
      const closedByRouter = this.#closed && !this.#closedByPlatform
      await this.close()
      if (error instanceof RouterError && error.code === 'ROUTER_CLOSED' && closedByRouter) {
        // RouterOS hangs up right away when /ip service limits who may use the API.
        throw new RouterError(
          'ROUTER_UNREACHABLE',
          `${this.address} closed the connection during login (is the API service enabled and allowed from this address?)`,
          { cause: error }
        )
      }
      throw error
    }
    return this
  }

  command(
    path: string,
    params: RouterParams = {},
    options: CommandOptions = {}
  ): Promise<CommandResult> {
    const words = commandWords(path, params, options)
    return this.#dispatch(words[0], words, options.timeoutMs ?? this.#options.timeoutMs)
  }

  async print(menu: string, options: PrintOptions = {}): Promise<RouterRow[]> {
    const query = Object.entries(options.where ?? {}).map(([name, value]) => `?${name}=${value}`)
    const result = await this.command(
      `${normalizeMenu(menu)}/print`,
      {},
      {
        query,
        proplist: options.proplist,
        timeoutMs: options.timeoutMs,
      }
    )
    return result.rows
  }

  async add(menu: string, attributes: RouterParams): Promise<string> {
    const path = `${normalizeMenu(menu)}/add`
    const result = await this.command(path, attributes)
    if (!result.ret)
      throw new RouterError('ROUTER_PROTOCOL', `${this.address} ${path} returned no id`)
    return result.ret
  }

  async set(menu: string, id: string, attributes: RouterParams): Promise<void> {
    await this.command(`${normalizeMenu(menu)}/set`, { '.id': id, ...attributes })
  }

  async remove(menu: string, id: string): Promise<void> {
    await this.command(`${normalizeMenu(menu)}/remove`, { '.id': id })
  }

  close(): Promise<void> {
    if (!this.#closed) {
      this.#closedByPlatform = true
      this.#shutdown(
        new RouterError('ROUTER_CLOSED', `${this.address} connection was closed by the platform`),
        true
      )
    }
    return this.#socketClosed
  }

  onClose(listener: (reason: RouterError) => void): () => void {
    this.#closeListeners.add(listener)
    return () => this.#closeListeners.delete(listener)
  }

  #attach(socket: Socket) {
    this.#socket = socket
    this.#socketClosed = new Promise((resolve) => socket.once('close', () => resolve()))
    socket.on('data', (chunk: Buffer) => this.#onData(chunk))
    socket.on('error', (error) => {
      this.#lastSocketError = error
    })
    socket.on('close', () => {
      const why = this.#lastSocketError ? ` (${describeSocketError(this.#lastSocketError)})` : ''
      this.#shutdown(
        new RouterError('ROUTER_CLOSED', `${this.address} closed the connection${why}`)
      )
    })
  }

  #dispatch(path: string, words: string[], timeoutMs: number): Promise<CommandResult> {
    const socket = this.#socket
    if (this.#closed || !socket) {
      return Promise.reject(
        new RouterError('ROUTER_CLOSED', `${this.address} connection is closed`)
      )
    }
    const tag = String(this.#nextTag++)
    let frame: Buffer
    try {
      frame = encodeSentence([...words, `.tag=${tag}`])
    } catch (error) {
      return Promise.reject(error)
    }
    return new Promise<CommandResult>((resolve, reject) => {
      const timer = setTimeout(() => this.#timeout(tag, timeoutMs), timeoutMs)
      this.#pending.set(tag, { path, rows: [], empty: false, timer, resolve, reject })
      socket.write(frame)
    })
  }

  /** Gives up on one command but keeps the connection: the router is told to stop. */
  #timeout(tag: string, timeoutMs: number) {
    const pending = this.#pending.get(tag)
    if (!pending) return
    this.#pending.delete(tag)
    this.#rememberCancelled(tag)
    pending.reject(
      new RouterError(
        'ROUTER_TIMEOUT',
        `${this.address} did not answer ${pending.path} within ${timeoutMs} ms`
      )
    )
    if (this.#closed || !this.#socket) return
    const cancelTag = `c${tag}`
    this.#rememberCancelled(cancelTag)
    this.#socket.write(encodeSentence(['/cancel', `=tag=${tag}`, `.tag=${cancelTag}`]))
  }

  #rememberCancelled(tag: string) {
    this.#cancelled.add(tag)
    if (this.#cancelled.size > MAX_CANCELLED) {
      const oldest = this.#cancelled.values().next().value
      if (oldest !== undefined) this.#cancelled.delete(oldest)
    }
  }

  #onData(chunk: Buffer) {
    if (this.#closed) return
    let sentences: string[][]
    try {
      sentences = this.#decoder.push(chunk)
    } catch (error) {
      const detail = error instanceof RouterError ? error.detail : String(error)
      this.#shutdown(
        new RouterError('ROUTER_PROTOCOL', `${this.address} sent a malformed reply: ${detail}`)
      )
      return
    }
    for (const words of sentences) {
      if (this.#closed) return
      this.#onSentence(words)
    }
  }

  #onSentence(words: string[]) {
    const reply = parseSentence(words)
    if (reply.head === '!fatal') {
      const reason = reply.extra[0] ?? reply.attributes.message ?? 'no reason given'
      this.#shutdown(
        new RouterError('ROUTER_FATAL', `${this.address} ended the session: ${reason}`)
      )
      return
    }
    if (!['!re', '!done', '!trap', '!empty'].includes(reply.head)) {
      const shown = reply.head.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')
      this.#shutdown(
        new RouterError('ROUTER_PROTOCOL', `${this.address} sent an unexpected reply "${shown}"`)
      )
      return
    }
    // Every command we send is tagged; untagged replies carry nothing for us.
    if (reply.tag === undefined) return
    const pending = this.#pending.get(reply.tag)
    if (!pending) {
      if (reply.head === '!done') this.#cancelled.delete(reply.tag)
      return
    }
    switch (reply.head) {
      case '!re':
        pending.rows.push(reply.attributes)
        return
      case '!empty':
        pending.empty = true
        return
      case '!trap':
        pending.trap ??= {
          message: reply.attributes.message ?? 'unknown failure',
          category: reply.attributes.category,
        }
        return
    }
    clearTimeout(pending.timer)
    this.#pending.delete(reply.tag)
    if (pending.trap) {
      pending.reject(
        new RouterError('ROUTER_TRAP', `${this.address} ${pending.path}: ${pending.trap.message}`, {
          category: pending.trap.category,
          routerMessage: pending.trap.message,
        })
      )
      return
    }
    const result: CommandResult = { rows: pending.rows, empty: pending.empty }
    if (reply.attributes.ret !== undefined) result.ret = reply.attributes.ret
    pending.resolve(result)
  }

  /** Single exit: rejects everything still waiting and releases the socket. */
  #shutdown(reason: RouterError, graceful = false) {
    if (this.#closed) return
    this.#closed = true
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer)
      pending.reject(reason)
    }
    this.#pending.clear()
    const socket = this.#socket
    if (socket && !socket.destroyed) {
      if (graceful) {
        socket.end()
        // A router that never acknowledges the FIN must not keep us open.
        setTimeout(() => socket.destroy(), 1000).unref()
      } else {
        socket.destroy()
      }
    }
    for (const listener of this.#closeListeners) {
      try {
        listener(reason)
      } catch {
        // A faulty listener must not turn a closed connection into a crash.
      }
    }
    this.#closeListeners.clear()
  }
}

/** Opens a logged-in connection to a router. */
export function connect(options: RouterConnectOptions): Promise<RouterOsConnection> {
  return new RouterOsConnection(options).open()
}
