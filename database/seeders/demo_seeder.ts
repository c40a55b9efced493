import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { platformDb } from '#core/tenancy/tenant_db'
import app from '@adonisjs/core/services/app'
import kernel from '#core/services/kernel'

/**
 * Demo data for the Quick start. Idempotent: running it again updates the
 * same rows. Never runs in production.
 */
export default class DemoSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    if (app.inProduction) return
    const tenants = [
      { slug: 'alpha', name: 'Alpha Net', plan: 'pro' },
      { slug: 'beta', name: 'Beta Net', plan: 'basic' },
    ]
    for (const tenant of tenants) {
      const [row] = await platformDb()
        .table('tenants')
        .insert({ ...tenant, status: 'active' })
        .onConflict('slug')
        .merge(['name', 'plan', 'updated_at'])
        .returning(['id', 'slug'])
      // Every installed plugin is enabled for the demo tenants, so the demo shows everything.
      for (const plugin of kernel.plugins.ids()) {
        await kernel.enablement.enable(row.id, plugin, { actor: 'system:demo-seed' }, 'plan')
      }
      await kernel.tenants.forget({ id: row.id, slug: row.slug })
    }
  }
}
