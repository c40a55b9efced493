import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { findTenant } from './tenant_argument.js'

export default class PluginsEnable extends BaseCommand {
  static commandName = 'plugins:enable'
  static description = 'Enable a plugin (and the plugins it requires) for a tenant'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Tenant slug or id' })
  declare tenant: string

  @args.string({ description: 'Plugin id' })
  declare plugin: string

  async run() {
    const kernel = await this.app.container.make('kernel')
    const tenant = await findTenant(this.tenant)
    if (!tenant) {
      this.logger.error(`TENANT_NOT_FOUND: no tenant "${this.tenant}"`)
      this.exitCode = 1
      return
    }
    try {
      const added = await kernel.enablement.enable(tenant.id, this.plugin, { actor: 'system:ace' })
      this.logger.success(
        added.length
          ? `Enabled for ${tenant.slug}: ${added.join(', ')}`
          : `Already enabled for ${tenant.slug}`
      )
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
