import type { Kernel } from '../kernel.js'
import { TenantPluginCommand } from './tenant_plugin_command.js'

export default class PluginsDisable extends TenantPluginCommand {
  static commandName = 'plugins:disable'
  static description =
    'Disable a plugin for a tenant (refused while another enabled plugin needs it)'

  protected async apply(kernel: Kernel, tenant: { id: string; slug: string }) {
    await kernel.enablement.disable(tenant.id, this.plugin, { actor: 'system:ace' })
    return `Disabled ${this.plugin} for ${tenant.slug}`
  }
}
