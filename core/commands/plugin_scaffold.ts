/** Files of a new plugin, as path → contents. Kept as code so the scaffold is type-checked by its own test. */
export function pluginFiles(id: string, coreVersion: string): Record<string, string> {
  const major = coreVersion.split('.')[0]
  const minor = coreVersion.split('.')[1]
  const coreRange = major === '0' ? `^0.${minor}.0` : `^${major}.0.0`
  const snake = id.replace(/-/g, '_')
  const title = id
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ')

  return {
    'plugin.ts': `import { definePlugin } from '#core/plugins/define_plugin'

export default definePlugin({
  id: '${id}',
  name: '${title}',
  description: 'Describe what ${title} does for an ISP operator.',
  version: '0.1.0',
  requires: { core: '${coreRange}' },
  permissions: [{ name: '${snake}.read', description: 'See ${title}' }],
  navigation: [{ label: { en: '${title}', id: '${title}' }, href: '/${id}', permission: '${snake}.read' }],
  routes({ api, panel }) {
    api.get('/${id}/status', () => import('./http/show_status.js'))
    panel.get('/${id}', () => import('./http/show_page.js'))
  },
})
`,
    'http/show_status.ts': `import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'

export default class ShowStatus {
  static docs: EndpointDocs = { summary: 'Status of the ${title} module for the current tenant' }

  handle({ tenant, response }: HttpContext) {
    return response.ok({ plugin: '${id}', tenant: tenant!.slug, status: 'ready' })
  }
}
`,
    'http/show_page.ts': `import type { HttpContext } from '@adonisjs/core/http'

export default class ShowPage {
  handle({ tenant, inertia }: HttpContext) {
    return inertia.render('${id}/index', { tenant: tenant!.name })
  }
}
`,
    'ui/pages/index.vue': `<script setup lang="ts">
defineProps<{ tenant: string }>()
</script>

<template>
  <section>
    <h1>${title}</h1>
    <p>{{ tenant }}</p>
  </section>
</template>
`,
    [`database/migrations/0001_create_${snake}_entries_table.ts`]: `import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

export default class extends BaseSchema {
  protected tableName = '${snake}_entries'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['tenant_id'])
    })
    // Row-level security: the app sees only the current tenant's rows.
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
`,
    [`tests/functional/${snake}_status.spec.ts`]: `import { test } from '@japa/runner'
import { createTenant } from '#tests/helpers/tenants'
import { visitPage } from '#tests/helpers/inertia'

test.group('${title} | status', () => {
  test('answers for a tenant that has the plugin enabled', async ({ client }) => {
    const tenant = await createTenant({ plugins: ['${id}'] })
    const response = await client.get('/api/v1/${id}/status').headers(tenant.headers)
    response.assertStatus(200)
    response.assertBodyContains({ plugin: '${id}', tenant: tenant.slug })
  })

  test('renders its panel page', async ({ client, assert }) => {
    const tenant = await createTenant({ plugins: ['${id}'] })
    const response = await visitPage(client, '/${id}', tenant.headers)
    response.assertStatus(200)
    assert.equal(response.body().component, '${id}/index')
  })

  test('answers 403 when the plugin is disabled for the tenant', async ({ client }) => {
    const tenant = await createTenant({ plugins: [] })
    const response = await client.get('/api/v1/${id}/status').headers(tenant.headers)
    response.assertStatus(403)
    response.assertBodyContains({ code: 'PLUGIN_DISABLED' })
  })
})
`,
  }
}
