import kernel from '#core/services/kernel'
import { withTenant } from '#core/tenancy/tenant_db'
import { radiusAuthenticator, type RadiusAccount } from '../contracts.js'
import type { RadiusAttributes } from './rlm_rest.js'
import { text } from './rlm_rest.js'
import { findNas } from './nas_directory.js'

export type Decision =
  | { accept: true; account: RadiusAccount; reply: Record<string, string | number> }
  | { accept: false; code: string }

const normaliseMac = (mac?: string | null) => mac?.toLowerCase().replace(/[^0-9a-f]/g, '') ?? ''

/**
 * Who may log in, decided in order: the NAS names the tenant; the tenant is
 * active and uses RADIUS; an enabled authenticator owns the username; the
 * account is active (or isolated, per the tenant's setting); the MAC matches
 * when bound; the simultaneous-use limit is not reached.
 */
export async function authorizeLogin(
  attributes: RadiusAttributes
): Promise<Decision & { tenantId?: string }> {
  const username = text(attributes, 'User-Name')
  if (!username) return { accept: false, code: 'USER_UNKNOWN' }
  const nas = await findNas(text(attributes, 'NAS-IP-Address'))
  if (!nas) return { accept: false, code: 'NAS_UNKNOWN' }
  const tenant = kernel.tenants.peekById(nas.tenantId) ?? (await kernel.tenants.byId(nas.tenantId))
  if (!tenant || tenant.status !== 'active')
    return { accept: false, code: 'TENANT_SUSPENDED', tenantId: nas.tenantId }
  if (!(await kernel.enablement.isEnabled(tenant.id, 'radius'))) {
    return { accept: false, code: 'RADIUS_DISABLED', tenantId: tenant.id }
  }

  const decision = await withTenant(tenant.id, async (trx): Promise<Decision> => {
    let account: RadiusAccount | null = null
    for (const { implementation } of await kernel.extensionsFor(radiusAuthenticator, tenant.id)) {
      account = await implementation.find({
        tenantId: tenant.id,
        username,
        trx,
        client: {
          macAddress: text(attributes, 'Calling-Station-Id'),
          nasIp: text(attributes, 'NAS-IP-Address'),
        },
      })
      if (account) break
    }
    if (!account) return { accept: false, code: 'USER_UNKNOWN' }
    const reply = { ...account.reply }
    if (account.status === 'isolated') {
      const settings = await trx.from('radius_settings').select('isolated_behaviour').first()
      if ((settings?.isolated_behaviour ?? 'reject') === 'reject')
        return { accept: false, code: 'ISOLATED' }
      reply['Mikrotik-Address-List'] = 'isolir'
    } else if (account.status !== 'active') {
      return { accept: false, code: account.status === 'expired' ? 'EXPIRED' : 'ACCOUNT_DISABLED' }
    }
    const mac = text(attributes, 'Calling-Station-Id')
    if (account.macAddress && normaliseMac(account.macAddress) !== normaliseMac(mac)) {
      return { accept: false, code: 'MAC_MISMATCH' }
    }
    const [open] = await trx
      .from('radius_sessions')
      .where('username', username)
      .whereNull('stopped_at')
      .count('* as total')
    if (Number(open.total) >= account.simultaneousUse)
      return { accept: false, code: 'SIMULTANEOUS_USE' }
    return { accept: true, account, reply }
  })
  return { ...decision, tenantId: tenant.id }
}
