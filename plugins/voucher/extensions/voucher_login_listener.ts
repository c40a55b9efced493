import type { TenantTransaction } from '#core/tenancy/tenant_db'
import { loginUsage, type RadiusLoginListener } from '#plugins/radius/contracts'
import { awaitingFirstSession, loadVoucherLogin } from './voucher_authenticator.js'

/**
 * Claims an unused voucher for a login FreeRADIUS accepted. The conditional
 * update is the race guard: of several first logins at once, the row lock
 * lets exactly one see `unused`; the others find it active.
 */
async function claim(
  trx: TenantTransaction,
  id: string,
  validityDays: number | null,
  client: { macAddress?: string; nasIp?: string } = {}
) {
  const claimed = await trx
    .from('vouchers')
    .where({ id, status: 'unused' })
    .update({
      status: 'active',
      first_login_at: trx.raw('now()'),
      expires_at: validityDays ? trx.raw(`now() + make_interval(days => ?)`, [validityDays]) : null,
      // The device and NAS of the first login: a MAC-locked voucher is bound from this login on.
      mac_address: client.macAddress?.slice(0, 32) ?? null,
      nas_ip: client.nasIp?.slice(0, 64) ?? null,
      updated_at: trx.raw('now()'),
    })
    .returning('id')
  return claimed.length > 0
}

/**
 * A voucher's validity starts with its first login that really succeeded:
 * a wrong password (refused by FreeRADIUS before post-auth) leaves it unused.
 */
const voucherLoginListener: RadiusLoginListener = {
  async accepted({ username, trx, client }) {
    const row = await loadVoucherLogin(trx, username)
    if (!row) return null
    if (row.status === 'unused') {
      if (await claim(trx, row.id, row.package.validity_days, client)) return null
    }
    // Another device's login got the voucher between authorize and now.
    const current = (await loadVoucherLogin(trx, username))!
    if (current.status === 'disabled') return { code: 'ACCOUNT_DISABLED' }
    if (current.status !== 'active') return { code: 'EXPIRED' }
    const usage = await loginUsage(trx, username, new Date(current.first_login_at!))
    if (awaitingFirstSession(current, usage.sessions, client?.macAddress)) {
      return {
        code: 'SIMULTANEOUS_USE',
        reason: 'Another device activated this voucher moments ago',
      }
    }
    return null
  },
}

export default voucherLoginListener
