/**
 * Every failure of the RouterOS client surfaces as a RouterError: a code the
 * platform can branch on and a message an operator can act on.
 */
export type RouterErrorCode =
  | 'ROUTER_UNREACHABLE'
  | 'ROUTER_AUTH_FAILED'
  | 'ROUTER_TIMEOUT'
  | 'ROUTER_TRAP'
  | 'ROUTER_FATAL'
  | 'ROUTER_CLOSED'
  | 'ROUTER_PROTOCOL'

export interface RouterErrorOptions {
  /** Trap category sent by the router (`0`..`7`), only for ROUTER_TRAP. */
  category?: string
  /** The router's `=message=` verbatim, only for ROUTER_TRAP. */
  routerMessage?: string
  cause?: unknown
}

/** Human names of the trap categories RouterOS documents. */
const TRAP_CATEGORIES: Record<string, string> = {
  '0': 'missing item or command',
  '1': 'argument value failure',
  '2': 'execution of command interrupted',
  '3': 'scripting failure',
  '4': 'general failure',
  '5': 'API failure',
  '6': 'TTY failure',
  '7': 'value generated with :return',
}

export class RouterError extends Error {
  readonly code: RouterErrorCode
  /** The router's own words, without the code prefix. */
  readonly detail: string
  readonly category?: string
  readonly routerMessage?: string

  constructor(code: RouterErrorCode, detail: string, options: RouterErrorOptions = {}) {
    super(`${code}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'RouterError'
    this.code = code
    this.detail = detail
    if (options.category !== undefined) this.category = options.category
    if (options.routerMessage !== undefined) this.routerMessage = options.routerMessage
  }

  /** Readable name of the trap category, if the router sent one. */
  get categoryName(): string | undefined {
    return this.category === undefined ? undefined : TRAP_CATEGORIES[this.category]
  }

  /** True when a retry on a fresh connection may succeed. */
  get transient(): boolean {
    return (
      this.code === 'ROUTER_UNREACHABLE' ||
      this.code === 'ROUTER_TIMEOUT' ||
      this.code === 'ROUTER_CLOSED' ||
      this.code === 'ROUTER_FATAL'
    )
  }
}

export function isRouterError(value: unknown): value is RouterError {
  return value instanceof RouterError
}
