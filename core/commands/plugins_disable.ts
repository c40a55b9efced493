import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { findTenant } from './tenant_argument.js'

export default class PluginsDisable extends BaseCommand {
  static commandName = 'plugins:disable'
  static description =
    'Disable a plugin for a tenant (refused while another enabled plugin needs it)'
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
      await kernel.enablement.disable(tenant.id, this.plugin, { actor: 'system:ace' })
      this.logger.success(`Disabled ${this.plugin} for ${tenant.slug}`)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
