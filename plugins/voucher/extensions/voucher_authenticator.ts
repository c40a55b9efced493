import { mapPackage } from '#core/services/package_mapping'
import type { TenantTransaction } from '#core/tenancy/tenant_db'
import { loginUsage, type RadiusAccount, type RadiusAuthenticator } from '#plugins/radius/contracts'
import { voucherPackageSpec, type VoucherPackageRow } from '../services/package_queries.js'

/**
 * Between an Access-Accept and the NAS's accounting Start, the first login of
 * a voucher has no session yet. During this window a single-user voucher
 * refuses other logins, so two devices typing the same code at once never
 * both get in.
 */
export const ACTIVATION_GRACE_SECONDS = 60

type Row = {
  id: string
  username: string
  password: string
  status: 'unused' | 'active' | 'used' | 'expired' | 'disabled'
  first_login_at: Date | null
  expires_at: Date | null
  mac_address: string | null
  nas_ip: string | null
  package: VoucherPackageRow
}

const load = (trx: TenantTransaction, username: string): Promise<Row | null> =>
  trx
    .from('vouchers as v')
    .join('voucher_packages as p', 'p.id', 'v.package_id')
    .where('v.username', username)
    .select('v.*', trx.raw('row_to_json(p.*) AS package'))
    .first()

/** Claims an unused voucher; only one of several concurrent first logins gets the row back. */
async function activate(
  trx: TenantTransaction,
  row: Row,
  client: { macAddress?: string; nasIp?: string } = {}
): Promise<Row | null> {
  const days = row.package.validity_days
  const [claimed] = await trx
    .from('vouchers')
    .where({ id: row.id, status: 'unused' })
    .update({
      status: 'active',
      first_login_at: trx.raw('now()'),
      expires_at: days ? trx.raw(`now() + make_interval(days => ?)`, [days]) : null,
      // The device and NAS of the first login: a MAC-locked voucher is bound from this login on.
      mac_address: client.macAddress?.slice(0, 32) ?? null,
      nas_ip: client.nasIp ?? null,
      updated_at: trx.raw('now()'),
    })
    .returning(['first_login_at', 'expires_at', 'status', 'mac_address', 'nas_ip'])
  return claimed ? { ...row, ...claimed } : null
}

const finish = (trx: TenantTransaction, id: string, status: 'used' | 'expired', minutes: number) =>
  trx
    .from('vouchers')
    .where('id', id)
    .update({ status, used_minutes: minutes, updated_at: new Date() })

/**
 * Answers the RADIUS plugin for voucher codes: the first login activates the
 * voucher; later logins get what is left of its time and quota; a voucher
 * past its validity, out of time or quota, or disabled is refused.
 */
const voucherAuthenticator: RadiusAuthenticator = {
  async find({ username, trx, client }) {
    let row = await load(trx, username)
    if (!row) return null
    let activatedNow = false
    if (row.status === 'unused') {
      const claimed = await activate(trx, row, client)
      activatedNow = claimed !== null
      // Lost the race: read what the winner committed.
      row = claimed ?? (await load(trx, username))!
    }
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

    // MAC and NAS come from the first session's accounting: the lookup is not told the caller's MAC.
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
    const pending =
      !activatedNow &&
      pkg.shared_users === 1 &&
      usage.sessions === 0 &&
      now - firstLogin.getTime() < ACTIVATION_GRACE_SECONDS * 1000
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
