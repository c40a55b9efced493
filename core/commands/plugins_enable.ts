import type { Kernel } from '../kernel.js'
import { TenantPluginCommand } from './tenant_plugin_command.js'

export default class PluginsEnable extends TenantPluginCommand {
  static commandName = 'plugins:enable'
  static description = 'Enable a plugin (and the plugins it requires) for a tenant'

  protected async apply(kernel: Kernel, tenant: { id: string; slug: string }) {
    const added = await kernel.enablement.enable(tenant.id, this.plugin, { actor: 'system:ace' })
    return added.length
      ? `Enabled for ${tenant.slug}: ${added.join(', ')}`
      : `Already enabled for ${tenant.slug}`
  }
}
