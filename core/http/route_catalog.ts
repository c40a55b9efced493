import type { PluginRouteDefinition, HttpMethod, LazyHandler } from '../plugins/plugin_router.js'

export interface CatalogEntry {
  method: HttpMethod
  /** Full URL pattern, e.g. `/api/v1/routers/:id` */
  pattern: string
  plugin: string | null
  handler: LazyHandler
}

/**
 * Every documented endpoint with its handler, so that the OpenAPI document
 * can read each handler's validators and summary.
 */
export class RouteCatalog {
  readonly entries: CatalogEntry[] = []

  add(entry: CatalogEntry) {
    this.entries.push(entry)
  }

  addPluginRoute(route: PluginRouteDefinition, pattern: string) {
    this.add({ method: route.method, pattern, plugin: route.plugin, handler: route.handler })
  }

  find(method: string, pattern: string) {
    return this.entries.find((e) => e.method === method && e.pattern === pattern)
  }
}
