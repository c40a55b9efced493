import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { encryptApiPassword } from '../../plugins/mikrotik/services/router_secrets.js'

const SLUG = 'bench-mikrotik'

/**
 * One tenant with the mikrotik plugin enabled and one router row per
 * simulator port, written with the plugin's own password encryption so the
 * sync decrypts it as it would a router added through the API. A new tenant
 * every run: the earlier one, its routers and sync logs cascade away.
 */
export async function prepareTenant(ports: number[], apiPassword: string) {
  const db = platformDb()
  await db.from('tenants').where('slug', SLUG).delete()
  const [tenant] = await db
    .table('tenants')
    .insert({ name: 'Bench MikroTik', slug: SLUG, plan: 'pro' })
    .returning(['id'])
  await kernel.enablement.enable(tenant.id, 'mikrotik', { actor: 'system:bench' })
  const encrypted = encryptApiPassword(apiPassword)
  const routers = await db
    .table('mikrotik_routers')
    .insert(
      ports.map((port, i) => ({
        tenant_id: tenant.id,
        name: `bench-router-${i + 1}`,
        host: '127.0.0.1',
        port,
        api_user: 'admin',
        api_password_encrypted: encrypted,
      }))
    )
    .returning(['id', 'port'])
  return { tenantId: tenant.id as string, routers: routers as { id: string; port: number }[] }
}
