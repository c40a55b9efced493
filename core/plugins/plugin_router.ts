import type { HttpContext } from '@adonisjs/core/http'

export type RouteKind = 'api' | 'panel' | 'machine'
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A single-action controller: one endpoint, one file, one `handle`. */
export type LazyHandler = () => Promise<{
  default: new (...args: any[]) => { handle(ctx: HttpContext): unknown }
}>

export interface PluginRouteDefinition {
  plugin: string
  kind: RouteKind
  method: HttpMethod
  /** Path inside the plugin's area, e.g. `/routers/:id` */
  path: string
  handler: LazyHandler
  name?: string
  /** Names of middleware the plugin declares in its manifest, run after the tenant chain */
  middleware?: string[]
  /** Permission the signed-in user needs (api and panel routes) */
  permission?: string
  /** Limit a create route consumes, e.g. `max_router`: checked before the handler runs */
  limit?: string
}

export interface RouteOptions {
  name?: string
  middleware?: string[]
  permission?: string
  limit?: string
}

/**
 * What a plugin's `routes` hook receives: it records routes, and the kernel
 * registers them behind the right prefix and middleware for their kind.
 */
export class PluginRouter {
  readonly routes: PluginRouteDefinition[] = []

  constructor(
    readonly plugin: string,
    readonly kind: RouteKind
  ) {}

  get(path: string, handler: LazyHandler, options: RouteOptions = {}) {
    return this.#add('GET', path, handler, options)
  }
  post(path: string, handler: LazyHandler, options: RouteOptions = {}) {
    return this.#add('POST', path, handler, options)
  }
  put(path: string, handler: LazyHandler, options: RouteOptions = {}) {
    return this.#add('PUT', path, handler, options)
  }
  patch(path: string, handler: LazyHandler, options: RouteOptions = {}) {
    return this.#add('PATCH', path, handler, options)
  }
  delete(path: string, handler: LazyHandler, options: RouteOptions = {}) {
    return this.#add('DELETE', path, handler, options)
  }

  #add(method: HttpMethod, path: string, handler: LazyHandler, options: RouteOptions) {
    if (!path.startsWith('/'))
      throw new Error(`ROUTE_INVALID: plugin "${this.plugin}" route "${path}" must start with "/"`)
    this.routes.push({
      plugin: this.plugin,
      kind: this.kind,
      method,
      path,
      handler,
      ...options,
    })
    return this
  }
}
