import { mapPackage } from '#core/services/package_mapping'
import type { RadiusAccount, RadiusAuthenticator } from '#plugins/radius/contracts'
import { packageSpec, type PackageRow } from '../services/package_queries.js'
import { tryDecryptPassword } from '../services/subscription_secrets.js'

/** Routers redirect addresses on this list to the isolir (payment reminder) page. */
export const ISOLATION_ADDRESS_LIST = 'isolir'

type Row = {
  id: string
  username: string
  password_encrypted: string
  status: 'active' | 'isolated' | 'expired' | 'terminated'
  isolation_reason: string | null
  expires_at: Date | null
  static_ip: string | null
  mac_address: string | null
  customer_name: string
  customer_status: 'active' | 'isolated' | 'terminated'
}

/** The account's own status, then the customer's, then the clock: the strictest one wins. */
function statusOf(row: Row, now: Date): Pick<RadiusAccount, 'status' | 'reason'> {
  if (row.status === 'terminated' || row.customer_status === 'terminated')
    return { status: 'terminated', reason: 'The subscription or its customer is terminated' }
  if (row.status === 'expired' || (row.expires_at && row.expires_at <= now))
    return {
      status: 'expired',
      reason: `The subscription expired ${row.expires_at?.toISOString() ?? ''}`.trim(),
    }
  if (row.status === 'isolated' || row.customer_status === 'isolated')
    return { status: 'isolated', reason: row.isolation_reason ?? 'Isolated by the operator' }
  return { status: 'active' }
}

/**
 * Answers the RADIUS plugin for subscriber accounts: who owns a username,
 * their cleartext password (CHAP/MS-CHAP), status and the reply derived from
 * their package. Reads only through the transaction it is given.
 */
const subscriptionAuthenticator: RadiusAuthenticator = {
  async find({ username, trx }) {
    const row = (await trx
      .from('subscriptions as s')
      .join('customers as c', 'c.id', 's.customer_id')
      .join('service_packages as p', 'p.id', 's.package_id')
      .where('s.username', username)
      .select(
        's.id',
        's.username',
        's.password_encrypted',
        's.status',
        's.isolation_reason',
        's.expires_at',
        's.mac_address',
        trx.raw('host(s.static_ip) AS static_ip'),
        'c.name as customer_name',
        'c.status as customer_status',
        trx.raw('row_to_json(p.*) AS package')
      )
      .first()) as (Row & { package: PackageRow }) | null
    if (!row) return null

    const password = tryDecryptPassword(row.password_encrypted)
    const now = new Date()
    const expiresAt = row.expires_at ? new Date(row.expires_at) : null
    const state = statusOf({ ...row, expires_at: expiresAt }, now)
    const secondsLeft = expiresAt ? Math.ceil((expiresAt.getTime() - now.getTime()) / 1000) : null
    const { reply } = mapPackage({
      ...packageSpec(row.package),
      staticIp: row.static_ip,
      // A prepaid account is cut off when its period ends, not at the next re-login.
      sessionTimeoutSeconds: secondsLeft && secondsLeft > 0 ? secondsLeft : null,
      addressList: state.status === 'isolated' ? ISOLATION_ADDRESS_LIST : null,
    })
    const account: RadiusAccount = {
      subject: { type: 'subscription', id: row.id },
      username: row.username,
      // An unreadable password (app key changed) can match nothing: the login fails closed.
      password: password ?? '',
      ...state,
      reply,
      simultaneousUse: 1,
      macAddress: row.mac_address,
      // Every change goes through services that call forgetRadiusAccounts; expiry is a moment.
      reuse: { seconds: 600, until: expiresAt },
    }
    if (password === null) {
      account.status = 'disabled'
      account.reason = 'The stored password cannot be read with the current app key'
    }
    return account
  },
}

export default subscriptionAuthenticator
