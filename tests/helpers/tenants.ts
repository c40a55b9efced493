import db from '@adonisjs/lucid/services/db'
import kernel from '#core/services/kernel'
import { randomBytes } from 'node:crypto'

export interface TestTenant {
  id: string
  slug: string
  /** Host header that resolves to this tenant */
  host: string
}

/** A fresh tenant with the given plugins enabled (and what they require). */
export async function createTenant(
  options: { plugins?: string[]; status?: string; name?: string } = {}
): Promise<TestTenant> {
  const slug = `t-${randomBytes(5).toString('hex')}`
  const [row] = await db
    .table('tenants')
    .insert({ name: options.name ?? `Tenant ${slug}`, slug, status: options.status ?? 'active' })
    .returning(['id', 'slug'])
  for (const plugin of options.plugins ?? []) {
    await kernel.enablement.enable(row.id, plugin, { actor: 'system:test' })
  }
  return { id: row.id, slug: row.slug, host: `${row.slug}.localhost` }
}
