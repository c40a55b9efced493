import type { Logger } from '@adonisjs/core/logger'
import type { PluginRegistry } from './plugins/registry.js'
import type { PluginEnablement } from './plugins/enablement.js'
import type { ExtensionRegistry } from './plugins/extension_registry.js'
import type { ExtensionPoint } from './plugins/extension_point.js'
import type { QueueManager, JobPayload, DispatchOptions } from './queue/queue_manager.js'
import type { TenantDirectory } from './tenancy/tenant_directory.js'
import type { RouteCatalog } from './http/route_catalog.js'
import type { ActorDirectory } from './identity/actor_directory.js'

/**
 * The platform kernel: everything core offers plugins and the app, resolved
 * once from the container (see core/services/kernel.ts).
 */
export class Kernel {
  constructor(
    readonly plugins: PluginRegistry,
    readonly enablement: PluginEnablement,
    readonly extensions: ExtensionRegistry,
    readonly queue: QueueManager,
    readonly tenants: TenantDirectory,
    readonly routes: RouteCatalog,
    readonly actors: ActorDirectory,
    readonly logger: Logger
  ) {}

  /** Implementations of an extension point that this tenant may use. */
  async extensionsFor<T>(point: ExtensionPoint<T>, tenantId: string) {
    return this.extensions.forTenant(point, await this.enablement.enabledFor(tenantId))
  }

  /** A plugin-scoped view: what a plugin's code receives. */
  forPlugin(pluginId: string) {
    return {
      pluginId,
      logger: this.logger.child({ plugin: pluginId }),
      dispatch: (job: string, payload: JobPayload, options?: DispatchOptions) =>
        this.queue.dispatch(pluginId, job, payload, options),
      extensionsFor: <T>(point: ExtensionPoint<T>, tenantId: string) =>
        this.extensionsFor(point, tenantId),
    }
  }
}
