import type { EmitterService } from '@adonisjs/core/types'
import type { PluginRegistry } from './registry.js'
import type { PluginEnablement } from './enablement.js'
import type { Logger } from '@adonisjs/core/logger'

/**
 * Subscribes every plugin's declared listeners. An event whose payload names
 * a tenant reaches only the plugins enabled for that tenant; a failing
 * listener is logged and never breaks the code that emitted the event.
 */
export function registerPluginListeners(
  emitter: EmitterService,
  registry: PluginRegistry,
  enablement: PluginEnablement,
  logger: Logger
) {
  for (const { definition } of registry.plugins) {
    for (const [event, listeners] of Object.entries(definition.listeners ?? {})) {
      for (const load of listeners) {
        emitter.on(event as any, async (payload: any) => {
          const tenantId = payload?.tenantId
          if (
            typeof tenantId === 'string' &&
            !(await enablement.isEnabled(tenantId, definition.id))
          )
            return
          try {
            await (await load()).default(payload)
          } catch (error) {
            logger.error({ err: error, plugin: definition.id, event }, 'plugin listener failed')
          }
        })
      }
    }
  }
}
