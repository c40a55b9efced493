import { createHash } from 'node:crypto'
import { connect } from './client.js'
import { RouterError } from './errors.js'
import type { RouterClient, RouterConnectOptions } from './types.js'

/**
 * One logged-in connection per router, shared by every caller: RouterOS
 * multiplexes tagged commands, so a second socket would only cost another
 * login and another entry in the router's log.
 */
export interface RouterPoolOptions {
  /** Close a connection nobody has used for this long. Default 60 s. */
  idleMs?: number
  /** How connections are opened; tests and fakes replace it. */
  connect?: (options: RouterConnectOptions) => Promise<RouterClient>
}

interface PoolEntry {
  key: string
  fingerprint: string
  users: number
  client?: RouterClient
  connecting?: Promise<RouterClient>
  idleTimer?: NodeJS.Timeout
}

/** Changing credentials or address of a router must not reuse the old login. */
function fingerprint(options: RouterConnectOptions): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        options.host,
        options.port ?? null,
        options.user,
        options.password,
        options.tls ?? false,
        options.legacyLogin ?? false,
      ])
    )
    .digest('hex')
}

export class RouterPool {
  readonly #entries = new Map<string, PoolEntry>()
  readonly #idleMs: number
  readonly #connect: (options: RouterConnectOptions) => Promise<RouterClient>

  constructor(options: RouterPoolOptions = {}) {
    this.#idleMs = options.idleMs ?? 60_000
    this.#connect = options.connect ?? connect
  }

  /** Routers with a live or opening connection. */
  get size(): number {
    return this.#entries.size
  }

  has(key: string): boolean {
    return this.#entries.get(key)?.client?.closed === false
  }

  /**
   * A connected client for `key`, opened on first use and reopened after the
   * router dropped it. Pair every acquire with a release.
   */
  async acquire(key: string, options: RouterConnectOptions): Promise<RouterClient> {
    const print = fingerprint(options)
    let entry = this.#entries.get(key)
    if (entry && entry.fingerprint !== print) {
      this.#discard(entry)
      entry = undefined
    }
    if (!entry) {
      entry = { key, fingerprint: print, users: 0 }
      this.#entries.set(key, entry)
    }
    entry.users++
    this.#stopIdle(entry)
    try {
      return await this.#ensureClient(entry, options)
    } catch (error) {
      this.release(key, entry)
      throw error
    }
  }

  /** The caller is done with the connection; it stays open until idle. */
  release(key: string, entry = this.#entries.get(key)): void {
    if (!entry || this.#entries.get(key) !== entry) return
    entry.users = Math.max(0, entry.users - 1)
    if (entry.users > 0) return
    if (!entry.client && !entry.connecting) {
      this.#entries.delete(key)
      return
    }
    this.#stopIdle(entry)
    entry.idleTimer = setTimeout(() => this.#discard(entry), this.#idleMs)
    entry.idleTimer.unref()
  }

  /** acquire + release around `work`. */
  async use<T>(
    key: string,
    options: RouterConnectOptions,
    work: (client: RouterClient) => Promise<T>
  ): Promise<T> {
    const client = await this.acquire(key, options)
    try {
      return await work(client)
    } finally {
      this.release(key)
    }
  }

  /** Closes one router's connection now, e.g. after its settings changed. */
  async close(key: string): Promise<void> {
    const entry = this.#entries.get(key)
    if (entry) await this.#discard(entry)
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#entries.values()].map((entry) => this.#discard(entry)))
  }

  #ensureClient(entry: PoolEntry, options: RouterConnectOptions): Promise<RouterClient> {
    if (entry.client && !entry.client.closed) return Promise.resolve(entry.client)
    if (entry.connecting) return entry.connecting
    entry.connecting = this.#connect(options)
      .then(async (client) => {
        if (this.#entries.get(entry.key) !== entry) {
          // The pool let go of this router while we were logging in.
          await client.close()
          throw new RouterError(
            'ROUTER_CLOSED',
            `${client.address} connection was closed by the platform`
          )
        }
        entry.client = client
        client.onClose(() => this.#forget(entry, client))
        return client
      })
      .finally(() => {
        entry.connecting = undefined
      })
    return entry.connecting
  }

  /** The router dropped us: the next acquire reconnects. */
  #forget(entry: PoolEntry, client: RouterClient) {
    if (entry.client !== client) return
    entry.client = undefined
    if (entry.users === 0 && this.#entries.get(entry.key) === entry) {
      this.#stopIdle(entry)
      this.#entries.delete(entry.key)
    }
  }

  #discard(entry: PoolEntry): Promise<void> {
    this.#stopIdle(entry)
    if (this.#entries.get(entry.key) === entry) this.#entries.delete(entry.key)
    const client = entry.client
    entry.client = undefined
    const pending = entry.connecting?.then(
      (late) => late.close(),
      () => undefined
    )
    return Promise.all([client?.close(), pending]).then(() => undefined)
  }

  #stopIdle(entry: PoolEntry) {
    if (entry.idleTimer) clearTimeout(entry.idleTimer)
    entry.idleTimer = undefined
  }
}
