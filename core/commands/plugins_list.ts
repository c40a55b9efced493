import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { platformDb } from '../tenancy/tenant_db.js'

export default class PluginsList extends BaseCommand {
  static commandName = 'plugins:list'
  static description =
    'List installed plugins: version, requirements, status and how many tenants use each'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Print JSON instead of a table' })
  declare json: boolean

  async run() {
    const kernel = await this.app.container.make('kernel')
    const counts = new Map<string, number>()
    try {
      const rows = await platformDb()
        .from('tenant_plugins')
        .where('enabled', true)
        .groupBy('plugin_id')
        .select('plugin_id')
        .count('* as total')
      for (const row of rows) counts.set(row.plugin_id, Number(row.total))
    } catch {
      // Database not migrated yet: list the plugins anyway.
    }
    const list = kernel.plugins.plugins.map(({ definition, source }) => ({
      id: definition.id,
      version: definition.version,
      requires: [
        definition.requires?.core ? `core ${definition.requires.core}` : null,
        ...Object.entries(definition.requires?.plugins ?? {}).map(
          ([id, range]) => `${id} ${range}`
        ),
      ]
        .filter(Boolean)
        .join(', '),
      status: 'loaded',
      source: source.kind === 'npm' ? `npm:${source.packageName}` : 'local',
      tenantsEnabled: counts.get(definition.id) ?? 0,
    }))
    if (this.json) {
      this.logger.log(JSON.stringify(list, null, 2))
      return
    }
    if (!list.length) {
      this.logger.info('No plugins installed. Create one with "node ace make:plugin <id>".')
      return
    }
    const table = this.ui.table()
    table.head(['Plugin', 'Version', 'Requires', 'Status', 'Source', 'Tenants enabled'])
    for (const p of list)
      table.row([p.id, p.version, p.requires || '-', p.status, p.source, String(p.tenantsEnabled)])
    table.render()
  }
}
