import net from 'node:net'
import tls from 'node:tls'
import { type SeedCounts, Seeder } from './seed.js'
import { type CommandLogEntry, type SessionHost, SimulatorSession } from './session.js'
import { type Row, RouterState } from './state.js'
import { tickTraffic } from './traffic.js'

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number
  host?: string
  user?: string
  password?: string
  identity?: string
  version?: string
  boardName?: string
  /** Behave like RouterOS before 6.43: md5 challenge login only. */
  legacyLogin?: boolean
  /** API-SSL with anonymous DH, as a router without a certificate offers it. */
  tls?: boolean
  /** With `tls`: present this (e.g. self-signed) certificate instead of anonymous DH. */
  certificate?: { key: string | Buffer; cert: string | Buffer }
  /** Answer prints that match nothing with `!empty` (RouterOS 7.18+). */
  emptyReplies?: boolean
  /** Seed of the data generator, for reproducible demo data. */
  seed?: number
}

const ACTIVE_MENUS = ['/ip/hotspot/active', '/ppp/active']

/**
 * A MikroTik router on a TCP port, speaking the real API wire protocol, with
 * knobs to make it slow, flaky, fragmented or rebooting.
 */
export class RouterOsSimulator implements SessionHost {
  readonly host: string
  readonly user: string
  readonly password: string
  readonly legacyLogin: boolean
  readonly emptyReplies: boolean
  readonly tls: boolean
  readonly state: RouterState
  /** Every request any client sent, in arrival order. */
  readonly commandLog: CommandLogEntry[] = []
  fragmentBytes: number | null = null
  loginRefused = false
  /** Successful logins since start. */
  logins = 0
  /** TCP (or TLS) connections accepted since start. */
  connections = 0
  /** Sessions removed through the API (`active/remove`). */
  disconnects = 0

  readonly #sessions = new Set<SimulatorSession>()
  /** Raw sockets, including TLS ones still in their handshake. */
  readonly #sockets = new Set<net.Socket>()
  readonly #seeder: Seeder
  readonly #certificate?: { key: string | Buffer; cert: string | Buffer }
  #requestedPort: number
  #server: net.Server | null = null
  #traffic: NodeJS.Timeout | null = null
  #nextSession = 1
  #delay: number | ((entry: CommandLogEntry) => number) = 0
  #stopped = false

  constructor(options: SimulatorOptions = {}) {
    this.host = options.host ?? '127.0.0.1'
    this.user = options.user ?? 'admin'
    this.password = options.password ?? ''
    this.legacyLogin = options.legacyLogin ?? false
    this.emptyReplies = options.emptyReplies ?? true
    this.tls = options.tls ?? false
    this.#requestedPort = options.port ?? 0
    this.#seeder = new Seeder(options.seed)
    this.#certificate = options.certificate
    this.state = new RouterState({
      identity: options.identity ?? 'MikroTik',
      version: options.version ?? '7.18.2',
      boardName: options.boardName ?? 'hAP ax2',
    })
  }

  /** The listening port; valid after start(). */
  get port(): number {
    return this.#requestedPort
  }

  /** Open API connections right now. */
  get openSessions(): number {
    return this.#sessions.size
  }

  async start(): Promise<{ port: number; host: string }> {
    this.#stopped = false
    await this.#listen()
    return { port: this.#requestedPort, host: this.host }
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.stopTraffic()
    await this.#closeServer()
  }

  /** Live rows of a menu, for tests to inspect or edit. */
  rows(path: string): Row[] {
    return this.state.rows(path)
  }

  /** Commands received so far, optionally only those with this path. */
  commands(path?: string): CommandLogEntry[] {
    return path === undefined
      ? [...this.commandLog]
      : this.commandLog.filter((e) => e.command === path)
  }

  seed(counts: SeedCounts): this {
    this.#seeder.seed(this.state, counts)
    return this
  }

  tickTraffic(seconds = 1): void {
    tickTraffic(this.state, this.#seeder, seconds)
  }

  startTraffic(intervalMs = 1000): void {
    this.stopTraffic()
    this.#traffic = setInterval(() => this.tickTraffic(intervalMs / 1000), intervalMs)
    this.#traffic.unref()
  }

  stopTraffic(): void {
    if (this.#traffic) clearInterval(this.#traffic)
    this.#traffic = null
  }

  /** Hold every reply, or decide per request (e.g. to answer out of order). */
  setReplyDelay(ms: number | ((entry: CommandLogEntry) => number)): void {
    this.#delay = ms
  }

  delayFor(entry: CommandLogEntry): number {
    const ms = typeof this.#delay === 'function' ? this.#delay(entry) : this.#delay
    return Math.max(0, ms)
  }

  /** Write replies in segments of this many bytes (1 = byte by byte); null = normal. */
  setFragmentation(bytes: number | null): void {
    this.fragmentBytes = bytes && bytes > 0 ? Math.floor(bytes) : null
  }

  refuseLogin(refuse = true): void {
    this.loginRefused = refuse
  }

  /** Cuts every API connection without a goodbye, like a link going down. */
  dropConnections(): void {
    for (const session of this.#sessions) session.destroy()
    this.#sessions.clear()
    for (const socket of this.#sockets) socket.destroy()
    this.#sockets.clear()
  }

  /** Sends `!fatal <message>` to every connection and hangs up. */
  sendFatal(message: string): void {
    for (const session of this.#sessions) session.fatal(message)
  }

  /**
   * Drops everything, refuses connections for `downMs`, then comes back with
   * uptime reset and no active sessions. Resolves once it listens again.
   */
  async reboot(downMs: number): Promise<void> {
    await this.#closeServer()
    await new Promise((resolve) => setTimeout(resolve, downMs))
    if (this.#stopped) return
    this.state.bootedAt = Date.now()
    for (const path of ACTIVE_MENUS) this.state.rows(path).length = 0
    await this.#listen()
  }

  record(entry: CommandLogEntry): void {
    this.commandLog.push(entry)
  }

  loggedIn(): void {
    this.logins++
  }

  disconnected(_path: string, count: number): void {
    this.disconnects += count
  }

  #listen(): Promise<void> {
    const server = !this.tls
      ? net.createServer()
      : this.#certificate
        ? tls.createServer({ ...this.#certificate, maxVersion: 'TLSv1.2' })
        : tls.createServer({
            // No certificate: anonymous DH, exactly what an uncertified router offers.
            ciphers: 'ADH-AES256-GCM-SHA384:ADH-AES128-GCM-SHA256:@SECLEVEL=0',
            maxVersion: 'TLSv1.2',
            dhparam: 'auto',
          })
    server.on('connection', (socket: net.Socket) => {
      this.#sockets.add(socket)
      socket.on('error', () => {})
      socket.on('close', () => this.#sockets.delete(socket))
    })
    server.on(this.tls ? 'secureConnection' : 'connection', (socket: net.Socket) =>
      this.#accept(socket)
    )
    server.on('tlsClientError', (_error: Error, socket: net.Socket) => socket.destroy())
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.#requestedPort, this.host, () => {
        server.off('error', reject)
        // Later errors (e.g. a failed accept) must not crash the test process.
        server.on('error', () => {})
        this.#requestedPort = (server.address() as net.AddressInfo).port
        this.#server = server
        resolve()
      })
    })
  }

  #accept(socket: net.Socket) {
    this.connections++
    const session = new SimulatorSession(this.#nextSession++, socket, this)
    this.#sessions.add(session)
    socket.on('close', () => this.#sessions.delete(session))
  }

  #closeServer(): Promise<void> {
    const server = this.#server
    this.#server = null
    this.dropConnections()
    if (!server) return Promise.resolve()
    return new Promise((resolve) => server.close(() => resolve()))
  }
}
