import { mapPackage } from '#core/services/package_mapping'
import type { TenantTransaction } from '#core/tenancy/tenant_db'
import { loginUsage, type RadiusAccount, type RadiusAuthenticator } from '#plugins/radius/contracts'
import { voucherPackageSpec, type VoucherPackageRow } from '../services/package_queries.js'

/**
 * Between an Access-Accept and the NAS's accounting Start, the first login of
 * a voucher has no session yet. During this window a single-user voucher
 * refuses other devices, so two devices typing the same code at once never
 * both get in.
 */
export const ACTIVATION_GRACE_SECONDS = 60

export type VoucherStatus = 'unused' | 'active' | 'used' | 'expired' | 'disabled'

export type VoucherLoginRow = {
  id: string
  username: string
  password: string
  status: VoucherStatus
  first_login_at: Date | null
  expires_at: Date | null
  mac_address: string | null
  nas_ip: string | null
  package: VoucherPackageRow
}

export const loadVoucherLogin = (
  trx: TenantTransaction,
  username: string
): Promise<VoucherLoginRow | null> =>
  trx
    .from('vouchers as v')
    .join('voucher_packages as p', 'p.id', 'v.package_id')
    .where('v.username', username)
    .select('v.*', trx.raw('row_to_json(p.*) AS package'))
    .first()

const normaliseMac = (mac?: string | null) => mac?.toLowerCase().replace(/[^0-9a-f]/g, '') ?? ''

/**
 * A single-user voucher activated moments ago whose first session has not
 * started yet: only the device that activated it may log in again now.
 */
export function awaitingFirstSession(
  row: VoucherLoginRow,
  sessions: number,
  macAddress: string | undefined,
  now = Date.now()
) {
  if (row.status !== 'active' || row.package.shared_users !== 1 || sessions !== 0) return false
  if (now - new Date(row.first_login_at!).getTime() >= ACTIVATION_GRACE_SECONDS * 1000) return false
  return !row.mac_address || normaliseMac(row.mac_address) !== normaliseMac(macAddress)
}

const finish = (trx: TenantTransaction, id: string, status: 'used' | 'expired', minutes: number) =>
  trx
    .from('vouchers')
    .where('id', id)
    .update({ status, used_minutes: minutes, updated_at: new Date() })

/**
 * Answers the RADIUS plugin for voucher codes: an unused voucher gets its
 * whole package (it is activated only once FreeRADIUS accepted the password,
 * see `voucher_login_listener.ts`); an active one gets what is left of its
 * time and quota; a voucher past its validity, out of time or quota, or
 * disabled is refused. Looking a code up never changes it.
 */
const voucherAuthenticator: RadiusAuthenticator = {
  async find({ username, trx, client }) {
    const row = await loadVoucherLogin(trx, username)
    if (!row) return null
    const pkg = row.package
    const base = {
      subject: { type: 'voucher' as const, id: row.id },
      username: row.username,
      password: row.password,
      simultaneousUse: pkg.shared_users,
    }
    if (row.status === 'disabled') {
      return { ...base, status: 'disabled', reason: 'Disabled by the operator', reply: {} }
    }
    if (row.status === 'used' || row.status === 'expired') {
      return { ...base, status: 'expired', reason: `The voucher is ${row.status}`, reply: {} }
    }
    if (row.status === 'unused') {
      const durationLeft = pkg.duration_minutes ? pkg.duration_minutes * 60 : null
      const validity = pkg.validity_days ? pkg.validity_days * 86_400 : null
      const timeouts = [durationLeft, validity].filter((t): t is number => t !== null)
      const { reply } = mapPackage({
        ...voucherPackageSpec(pkg),
        sessionTimeoutSeconds: timeouts.length ? Math.min(...timeouts) : null,
      })
      return { ...base, status: 'active', reply, macAddress: null }
    }

    const now = Date.now()
    const firstLogin = new Date(row.first_login_at!)
    const usage = await loginUsage(trx, row.username, firstLogin)
    const minutes = Math.floor(usage.seconds / 60)
    const expiresAt = row.expires_at ? new Date(row.expires_at).getTime() : null
    if (expiresAt !== null && expiresAt <= now) {
      await finish(trx, row.id, 'expired', minutes)
      return { ...base, status: 'expired', reason: 'The voucher validity ended', reply: {} }
    }
    const durationLeft = pkg.duration_minutes ? pkg.duration_minutes * 60 - usage.seconds : null
    const quota = pkg.quota_bytes === null ? null : Number(pkg.quota_bytes)
    const quotaLeft = quota === null ? null : quota - usage.bytes
    if ((durationLeft !== null && durationLeft <= 0) || (quotaLeft !== null && quotaLeft <= 0)) {
      await finish(trx, row.id, 'used', minutes)
      return {
        ...base,
        status: 'expired',
        reason: 'The voucher time or quota is used up',
        reply: {},
      }
    }

    // The activating login recorded its MAC and NAS; accounting fills them for older vouchers.
    if ((!row.mac_address && usage.firstMac) || minutes !== 0) {
      await trx
        .from('vouchers')
        .where('id', row.id)
        .update({
          mac_address: row.mac_address ?? usage.firstMac,
          nas_ip: row.nas_ip ?? usage.firstNasIp,
          used_minutes: minutes,
        })
    }
    const untilExpiry = expiresAt === null ? null : Math.ceil((expiresAt - now) / 1000)
    const timeouts = [durationLeft, untilExpiry].filter((t): t is number => t !== null)
    const { reply } = mapPackage({
      ...voucherPackageSpec(pkg),
      quotaBytes: quotaLeft,
      sessionTimeoutSeconds: timeouts.length ? Math.min(...timeouts) : null,
    })
    const pending = awaitingFirstSession(row, usage.sessions, client?.macAddress, now)
    const account: RadiusAccount = {
      ...base,
      status: 'active',
      reply,
      // Zero open sessions allowed: the RADIUS plugin answers SIMULTANEOUS_USE.
      simultaneousUse: pending ? 0 : pkg.shared_users,
      macAddress: pkg.mac_lock ? (row.mac_address ?? usage.firstMac) : null,
    }
    if (pending) account.reason = 'Another device activated this voucher moments ago'
    return account
  },
}

export default voucherAuthenticator
