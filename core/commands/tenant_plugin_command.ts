import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { Kernel } from '../kernel.js'
import { findTenant } from './tenant_argument.js'

/** Shared shape of `plugins:enable` and `plugins:disable`: a tenant, a plugin, one change. */
export abstract class TenantPluginCommand extends BaseCommand {
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Tenant slug or id' })
  declare tenant: string

  @args.string({ description: 'Plugin id' })
  declare plugin: string

  protected abstract apply(kernel: Kernel, tenant: { id: string; slug: string }): Promise<string>

  async run() {
    const kernel = await this.app.container.make('kernel')
    const tenant = await findTenant(this.tenant)
    if (!tenant) {
      this.logger.error(`TENANT_NOT_FOUND: no tenant "${this.tenant}"`)
      this.exitCode = 1
      return
    }
    try {
      this.logger.success(await this.apply(kernel, tenant))
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
