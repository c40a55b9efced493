import { defineExtensionPoint } from '#core/plugins/define_plugin'
import type { TenantTransaction } from '#core/tenancy/tenant_db'

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
 * Time and traffic a login used, for plugins that sell by time or volume
 * (vouchers). Part of this plugin's public surface so that they never read
 * its tables themselves.
 */
export { loginUsage, type LoginUsage } from './services/login_usage.js'
