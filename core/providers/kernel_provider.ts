import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { Kernel } from '../kernel.js'
import { installedPlugins } from '../plugins/boot_manifest.js'
import { PluginRegistry } from '../plugins/registry.js'
import { PluginEnablement } from '../plugins/enablement.js'
import { ExtensionRegistry } from '../plugins/extension_registry.js'
import { QueueManager } from '../queue/queue_manager.js'
import { TenantDirectory } from '../tenancy/tenant_directory.js'
import { RouteCatalog } from '../http/route_catalog.js'
import { ActorDirectory } from '../identity/actor_directory.js'
import { PluginError } from '../plugins/errors.js'
import { registerPluginListeners } from '../plugins/listeners.js'

/**
 * Loads the installed plugins (validated and ordered at boot; a missing,
 * incompatible or cyclic dependency stops the process with a message naming
 * the plugins) and builds the kernel services on top of them.
 */
export default class KernelProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('kernel', async (resolver) => {
      const redis = await resolver.make('redis')
      const logger = await resolver.make('logger')
      const prefix = env.get('REDIS_PREFIX') || 'isp'

      let plugins
      try {
        plugins = await installedPlugins()
      } catch (error) {
        if (error instanceof PluginError) {
          logger.fatal({ code: error.code, plugins: error.plugins }, error.message)
        }
        throw error
      }
      const registry = new PluginRegistry(plugins)
      const pluginLogger = (id: string) => logger.child({ plugin: id })
      const enablement = new PluginEnablement(registry, redis, prefix, {
        onEnable: async (id, tenantId) => {
          await registry
            .get(id)
            ?.definition.lifecycle?.enable?.({ pluginId: id, logger: pluginLogger(id), tenantId })
        },
        onDisable: async (id, tenantId) => {
          await registry
            .get(id)
            ?.definition.lifecycle?.disable?.({ pluginId: id, logger: pluginLogger(id), tenantId })
        },
      })
      const queue = new QueueManager(
        registry,
        enablement,
        {
          host: env.get('REDIS_HOST'),
          port: env.get('REDIS_PORT'),
          password: env.get('REDIS_PASSWORD') || undefined,
          db: env.get('REDIS_DB', 0),
        },
        `${prefix}-bull`,
        logger
      )
      const tenants = new TenantDirectory(redis, prefix, env.get('TENANT_BASE_DOMAIN'))
      return new Kernel(
        registry,
        enablement,
        new ExtensionRegistry(registry),
        queue,
        tenants,
        new RouteCatalog(),
        new ActorDirectory(redis, prefix),
        logger
      )
    })
  }

  async boot() {
    const kernel = await this.app.container.make('kernel')
    const emitter = await this.app.container.make('emitter')
    registerPluginListeners(emitter, kernel.plugins, kernel.enablement, kernel.logger)
    for (const { definition } of kernel.plugins.plugins) {
      await definition.lifecycle?.boot?.({
        pluginId: definition.id,
        logger: kernel.logger.child({ plugin: definition.id }),
      })
    }
  }

  async ready() {
    if (this.app.getEnvironment() === 'web' || this.app.getEnvironment() === 'test') {
      const kernel = await this.app.container.make('kernel')
      await kernel.enablement.listen()
      await kernel.tenants.listen()
      await kernel.actors.listen()
    }
  }

  async shutdown() {
    const kernel = await this.app.container.make('kernel')
    await kernel.queue.close()
  }
}

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    kernel: Kernel
  }
}
