import { defineExtensionPoint } from '#core/plugins/define_plugin'
import type { TenantTransaction } from '#core/tenancy/tenant_db'
import type { SessionControl } from './services/session_control.js'

/**
 * The RADIUS plugin's public surface. Plugins that own login names (subscriber
 * accounts, vouchers) implement `radiusAuthenticator`; the RADIUS plugin asks
 * each of them who owns a username and turns the answer into a FreeRADIUS reply.
 */

/** Where an account's status comes from decides what the NAS is told. */
export type RadiusAccountStatus = 'active' | 'isolated' | 'expired' | 'terminated' | 'disabled'

export interface RadiusAccount {
  /** What owns the login, so accounting can be booked against it */
  subject: { type: 'subscription' | 'voucher'; id: string }
  username: string
  /** Cleartext: FreeRADIUS needs it to check CHAP and MS-CHAP answers */
  password: string
  status: RadiusAccountStatus
  /** Why the account is not active, in words an operator can read in the logs */
  reason?: string
  /** Reply attributes by dictionary name, e.g. `Mikrotik-Rate-Limit` */
  reply: Record<string, string | number>
  simultaneousUse: number
  /** When set, only this client MAC may log in with the account */
  macAddress?: string | null
  /**
   * Lets the RADIUS plugin answer later logins of this username from its
   * cache (process memory and Redis) for up to `seconds` instead of asking
   * again. Only for answers that depend on nothing but rows whose every change
   * is followed by `forgetRadiusAccounts` (a voucher, whose answer counts its
   * usage, must not). `until`: the answer stops being true then (the end of a
   * prepaid period). A reused answer's `Session-Timeout` is read as time left
   * from the moment of the answer and counted down.
   */
  reuse?: { seconds: number; until?: Date | string | null }
}

export interface RadiusAuthenticator {
  /**
   * The account with this exact username in the tenant, or null when this
   * implementation does not own it. Reads only through `trx` (row-level security).
   */
  find(input: {
    tenantId: string
    username: string
    trx: TenantTransaction
    /** Who is asking: the client's MAC (Calling-Station-Id) and the NAS address */
    client?: { macAddress?: string; nasIp?: string }
  }): Promise<RadiusAccount | null>
}

export const radiusAuthenticator = defineExtensionPoint<RadiusAuthenticator>(
  'radius.authenticator',
  'Finds the account that owns a RADIUS username: its password, status and reply attributes'
)

/**
 * Told after FreeRADIUS checked the password and before the Access-Accept
 * leaves (rlm_rest `post-auth`), in the tenant's transaction. This is where a
 * login's side effects belong (a voucher's validity starts here), since in
 * `authorize` the password is not yet known to be right. Answering a refusal
 * turns the Accept into an Access-Reject with that code as Reply-Message,
 * e.g. when two devices raced through authorize with one single-use voucher.
 * Implementations that do not own the username answer null.
 */
export interface RadiusLoginListener {
  accepted(input: {
    tenantId: string
    username: string
    trx: TenantTransaction
    client?: { macAddress?: string; nasIp?: string }
  }): Promise<{ code: string; reason?: string } | null>
}

export const radiusLoginAccepted = defineExtensionPoint<RadiusLoginListener>(
  'radius.login-accepted',
  'Told of every login FreeRADIUS accepted, before the Accept is sent; may still refuse it'
)

// Loaded on first use (manifests import this file while the kernel is still
// being built), and once: a dynamic import() per login costs more than the login.
let kernelModules: ReturnType<typeof loadKernelModules> | undefined
async function loadKernelModules() {
  const [{ default: kernel }, { withTenant }] = await Promise.all([
    import('#core/services/kernel'),
    import('#core/tenancy/tenant_db'),
  ])
  return { kernel, withTenant }
}

/**
 * Asks every enabled `radiusLoginAccepted` listener of the tenant about an
 * accepted login; the first refusal wins. Called by the post-auth handler.
 */
export async function confirmAcceptedLogin(input: {
  tenantId: string
  username: string
  client?: { macAddress?: string; nasIp?: string }
}): Promise<{ code: string; reason?: string } | null> {
  const { kernel, withTenant } = await (kernelModules ??= loadKernelModules())
  const listeners = await kernel.extensionsFor(radiusLoginAccepted, input.tenantId)
  if (!listeners.length) return null
  return withTenant(input.tenantId, async (trx) => {
    for (const { implementation } of listeners) {
      const refusal = await implementation.accepted({ ...input, trx })
      if (refusal) return refusal
    }
    return null
  })
}

/**
 * Call after changing anything an authenticator's reusable answer depends on
 * (once the change is committed): the RADIUS plugin forgets the answers it
 * remembered for the tenant, all of them or those of `usernames`, in every
 * process. Never throws; with Redis down, other processes forget theirs
 * within seconds.
 */
export async function forgetRadiusAccounts(tenantId: string, usernames?: string[]) {
  // Loaded on first use, like the kernel above: the cache needs the booted app's Redis.
  const { forgetAccounts } = await (accountCache ??= import('./services/account_cache.js'))
  await forgetAccounts(tenantId, usernames)
}
let accountCache: Promise<typeof import('./services/account_cache.js')> | undefined

/**
 * Time and traffic a login used, for plugins that sell by time or volume
 * (vouchers). Part of this plugin's public surface so that they never read
 * its tables themselves.
 */
export { loginUsage, type LoginUsage } from './services/login_usage.js'

/**
 * Changes live sessions: isolate, restore, new attributes after a package
 * change, disconnect. CoA first; isolation falls back to the MikroTik router
 * linked to the NAS when the NAS takes no CoA, does not answer or refuses.
 * Loaded on first use, so that reading a manifest never pulls in the kernel.
 */
const control = () => import('./services/session_control.js').then((m) => m.sessionControl)
export const sessionControl: SessionControl = {
  isolateSession: async (request) => (await control()).isolateSession(request),
  restoreSession: async (request) => (await control()).restoreSession(request),
  changeSessionAttributes: async (request) => (await control()).changeSessionAttributes(request),
  disconnectSession: async (request) => (await control()).disconnectSession(request),
}
export type {
  SessionControl,
  SessionControlResult,
  SessionOutcome,
  IsolateSessionRequest,
  RestoreSessionRequest,
  ChangeAttributesRequest,
  SessionTarget,
} from './services/session_control.js'
export type { SessionAttributes } from './services/coa_packets.js'
