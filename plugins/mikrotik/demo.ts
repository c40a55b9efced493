import { platformDb, withTenant } from '#core/tenancy/tenant_db'
import { findRouterByName, insertRouter, updateRouter } from './models/router_queries.js'
import { encryptApiPassword } from './services/router_secrets.js'

export interface DemoRoutersOptions {
  /** API password of the simulators (`mikrotik:simulate --password`), usually DEMO_PASSWORD */
  password: string
  /** Demo tenants, in the order routers are dealt to them */
  tenantSlugs?: string[]
  routers?: number
  basePort?: number
  host?: string
}

/**
 * Registers the routers `node ace mikrotik:simulate` starts, dealt round-robin
 * to the demo tenants: demo-router-1 → alpha, demo-router-2 → beta, ...
 * Safe to run on every start: an existing demo router gets the current
 * address and password instead of a second row.
 */
export async function registerDemoRouters(options: DemoRoutersOptions) {
  const slugs = options.tenantSlugs ?? ['alpha', 'beta']
  const tenants = await platformDb().from('tenants').whereIn('slug', slugs).select('id', 'slug')
  const ordered = slugs.flatMap((slug) => tenants.filter((t) => t.slug === slug))
  if (ordered.length === 0) {
    throw new Error(
      `DEMO_TENANTS_MISSING: none of the tenants ${slugs.join(', ')} exist; seed the demo first (database/seeders/demo_seeder.ts).`
    )
  }
  const registered: { tenant: string; name: string; host: string; port: number }[] = []
  for (let i = 0; i < (options.routers ?? 3); i++) {
    const tenant = ordered[i % ordered.length]
    const values = {
      name: `demo-router-${i + 1}`,
      host: options.host ?? '127.0.0.1',
      port: (options.basePort ?? 18728) + i,
      tls: false,
      api_user: 'admin',
      api_password_encrypted: encryptApiPassword(options.password),
    }
    await withTenant(tenant.id, async (trx) => {
      const existing = await findRouterByName(trx, values.name)
      if (existing) await updateRouter(trx, existing.id, values)
      else
        await insertRouter(trx, {
          ...values,
          tenant_id: tenant.id,
          notes: 'Simulated router for the demo',
        })
    })
    registered.push({
      tenant: tenant.slug,
      name: values.name,
      host: values.host,
      port: values.port,
    })
  }
  return registered
}
