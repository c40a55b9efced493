import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import kernel from '#core/services/kernel'
import { platformDb } from '#core/tenancy/tenant_db'
import { createSuperAdmin, createTenantUser, ensureDefaultRoles } from '#core/identity/accounts'

const DEMO_TENANTS = [
  {
    slug: 'alpha',
    name: 'Alpha Net',
    plan: 'pro',
    users: [
      { email: 'owner@alpha.test', fullName: 'Budi Santoso', roles: ['owner'] },
      { email: 'admin@alpha.test', fullName: 'Siti Rahmawati', roles: ['admin'] },
      { email: 'finance@alpha.test', fullName: 'Dewi Lestari', roles: ['finance'] },
      { email: 'hr@alpha.test', fullName: 'Agus Pratama', roles: ['hr'] },
      { email: 'tech@alpha.test', fullName: 'Joko Susilo', roles: ['technician'] },
    ],
  },
  {
    slug: 'beta',
    name: 'Beta Net',
    plan: 'basic',
    users: [{ email: 'owner@beta.test', fullName: 'Rina Wijaya', roles: ['owner'] }],
  },
]

/**
 * Demo data for the Quick start: a super admin and two tenants with their
 * team. Idempotent (run it again at will). Never runs in production.
 */
export default class DemoSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    if (app.inProduction) return
    const password = env.get('DEMO_PASSWORD') || 'demo12345'
    await createSuperAdmin({ email: 'admin@demo.test', fullName: 'Platform Admin', password })

    for (const demo of DEMO_TENANTS) {
      const tenant = await platformDb().transaction(async (trx) => {
        const [row] = await trx
          .table('tenants')
          .insert({ slug: demo.slug, name: demo.name, plan: demo.plan, status: 'active' })
          .onConflict('slug')
          .merge(['name', 'plan', 'updated_at'])
          .returning(['id', 'slug'])
        await ensureDefaultRoles(trx, row.id)
        // Finance is not a default role; the demo shows it in use.
        await trx.rawQuery(
          `INSERT INTO roles (tenant_id, slug, name, permissions, is_system)
           VALUES (?, 'finance', 'Finance', ?, true) ON CONFLICT (tenant_id, slug) DO NOTHING`,
          [row.id, ['billing.*', 'customers.read', 'voucher.read', 'reports.read', 'audit.read']]
        )
        for (const user of demo.users) {
          const exists = await trx.from('users').whereRaw('email = ?::citext', [user.email]).first()
          if (exists) continue
          await createTenantUser(
            trx,
            row.id,
            { email: user.email, fullName: user.fullName, password, roleSlugs: user.roles },
            'system:demo-seed'
          )
        }
        return row
      })
      // The demo shows every installed module.
      for (const plugin of kernel.plugins.ids()) {
        await kernel.enablement.enable(tenant.id, plugin, { actor: 'system:demo-seed' }, 'plan')
      }
      await kernel.tenants.forget({ id: tenant.id, slug: tenant.slug })
      // Each module adds its own demo records (customers, vouchers, ...), in dependency order.
      for (const plugin of kernel.plugins.plugins) {
        if (!plugin.definition.demo) continue
        const { default: seed } = await plugin.definition.demo()
        await seed({ tenantId: tenant.id, tenantSlug: tenant.slug, password })
      }
    }
  }
}
