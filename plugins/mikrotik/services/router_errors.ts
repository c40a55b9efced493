import { ApiError } from '#core/http/api_error'
import { RouterError, type RouterErrorCode } from '../routeros/index.js'

/**
 * A router that is down, refuses the login or answers strangely is the
 * router's problem, not the client's and not ours: 502/504 with the
 * router's reason and what to check, never a 500.
 */
const STATUS: Record<RouterErrorCode, number> = {
  ROUTER_UNREACHABLE: 502,
  ROUTER_AUTH_FAILED: 502,
  ROUTER_TIMEOUT: 504,
  ROUTER_TRAP: 502,
  ROUTER_FATAL: 502,
  ROUTER_CLOSED: 502,
  ROUTER_PROTOCOL: 502,
}

const HINTS: Partial<Record<RouterErrorCode, string>> = {
  ROUTER_UNREACHABLE:
    'Check the address and port, and that the API service is enabled on the router (/ip service).',
  ROUTER_AUTH_FAILED: 'Check the API user and password saved for this router.',
  ROUTER_TIMEOUT: 'The router or the link to it is slow or down; try again shortly.',
  ROUTER_CLOSED: 'The router dropped the connection; try again shortly.',
}

/** `ROUTER_AUTH_FAILED: 10.0.0.1:8728 rejected user "api": invalid user name or password (6)` */
export function describeRouterError(error: RouterError): string {
  return error.message
}

export function routerApiError(router: { name: string }, error: RouterError): ApiError {
  const hint = HINTS[error.code]
  return new ApiError(
    STATUS[error.code],
    error.code,
    `Router "${router.name}": ${error.message}.${hint ? ` ${hint}` : ''}`
  )
}

/** Runs a live router call for a request, turning router failures into clear API errors. */
export async function answeringForRouter<T>(
  router: { name: string },
  work: () => Promise<T>
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof RouterError) throw routerApiError(router, error)
    throw error
  }
}
