import type { RouterError } from './errors.js'

/** Shapes shared by the client, the pool and any fake router client. */

export interface RouterConnectOptions {
  host: string
  /** Defaults to 8728, or 8729 with `tls`. */
  port?: number
  user: string
  password: string
  /** API-SSL. */
  tls?: boolean
  /** Connect + login budget, and the default per-command timeout. */
  timeoutMs?: number
  /** Use the pre-6.43 md5 challenge from the start. */
  legacyLogin?: boolean
}

export type RouterParams = Record<string, string | number | boolean>
export type RouterRow = Record<string, string>

export interface CommandOptions {
  /** Query words for print, with or without the leading `?`. */
  query?: string[]
  proplist?: string[]
  timeoutMs?: number
  countOnly?: boolean
}

export interface CommandResult {
  rows: RouterRow[]
  /** `=ret=` of `!done`: the new `.id` after add, the count with count-only. */
  ret?: string
  /** True only when the router said `!empty` (RouterOS 7.18+). */
  empty: boolean
}

export interface PrintOptions {
  /** Exact matches, all of which must hold. */
  where?: Record<string, string>
  proplist?: string[]
  timeoutMs?: number
}

/** What the platform needs from a router connection; fakes implement this too. */
export interface RouterClient {
  readonly address: string
  readonly closed: boolean
  command(path: string, params?: RouterParams, options?: CommandOptions): Promise<CommandResult>
  print(menu: string, options?: PrintOptions): Promise<RouterRow[]>
  /** Returns the new item's `.id`. */
  add(menu: string, attributes: RouterParams): Promise<string>
  set(menu: string, id: string, attributes: RouterParams): Promise<void>
  remove(menu: string, id: string): Promise<void>
  /** Idempotent; rejects nothing. */
  close(): Promise<void>
  /** Called once when the connection ends for any reason. Returns an unsubscribe. */
  onClose(listener: (reason: RouterError) => void): () => void
}
