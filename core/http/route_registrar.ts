import router from '@adonisjs/core/services/router'
import { requirePermission, tenantChain } from './middleware/tenant_chain_middleware.js'
import { PluginRouter, type HttpMethod, type LazyHandler } from '../plugins/plugin_router.js'
import { pluginMiddleware } from './plugin_middleware.js'
import { limitCheck } from './middleware/limit_middleware.js'
import { middleware } from '#start/kernel'
import type { Kernel } from '../kernel.js'

/**
 * Registers every installed plugin's routes. API routes live under `/api/v1`
 * and panel pages at the root, both behind the tenant chain (tenant →
 * tenant status → plugin enabled); machine routes get no tenant chain (the plugin
 * authenticates its caller, e.g. FreeRADIUS).
 */
export async function registerPluginRoutes(kernel: Kernel) {
  for (const { definition } of kernel.plugins.plugins) {
    if (!definition.routes) continue
    const api = new PluginRouter(definition.id, 'api')
    const panel = new PluginRouter(definition.id, 'panel')
    const machine = new PluginRouter(definition.id, 'machine')
    await definition.routes({
      pluginId: definition.id,
      logger: kernel.logger.child({ plugin: definition.id }),
      api,
      panel,
      machine,
    })

    const chain = tenantChain({ plugin: definition.id })
    const panelTenantChain = tenantChain({ plugin: definition.id, panel: true })
    // Panel pages also need the session, CSRF protection and Inertia's shared props.
    const panelChain = [
      middleware.session(),
      middleware.shield(),
      panelTenantChain,
      middleware.inertia(),
    ]
    for (const [group, prefix, groupMiddleware] of [
      [api, '/api/v1', [chain]],
      [panel, '', panelChain],
    ] as const) {
      if (!group.routes.length) continue
      const registeredGroup = router
        .group(() => {
          for (const route of group.routes) {
            const registered = router.route(route.path, [route.method], [route.handler, 'handle'])
            if (route.name) registered.as(`${definition.id}.${route.name}`)
            // Order after the group's tenant chain: limit, then permission.
            if (route.limit) registered.use(limitCheck(definition, route.limit))
            if (route.permission) registered.use(requirePermission(route.permission))
            if (route.middleware?.length)
              registered.use(pluginMiddleware(definition, route.middleware))
          }
        })
        .use([...groupMiddleware])
      // An empty prefix would register `//path`.
      if (prefix) registeredGroup.prefix(prefix)
      for (const route of group.routes)
        kernel.routes.addPluginRoute(route, `${prefix}${route.path}`)
    }
    for (const route of machine.routes) {
      const registered = router.route(route.path, [route.method], [route.handler, 'handle'])
      if (route.middleware?.length) registered.use(pluginMiddleware(definition, route.middleware))
      kernel.routes.addPluginRoute(route, route.path)
    }
  }
}

/** A core endpoint under `/api/v1`, listed in the catalog so that it is documented. */
export function coreApiRoute(
  kernel: Kernel,
  method: HttpMethod,
  path: string,
  handler: LazyHandler
) {
  const pattern = `/api/v1${path}`
  kernel.routes.add({ method, pattern, plugin: null, handler })
  return router.route(pattern, [method], [handler, 'handle'])
}
