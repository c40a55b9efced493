import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { PluginDefinition } from '../plugins/types.js'

/**
 * Turns the middleware a plugin declares by name into route middleware.
 * The class is imported on first use and its instance reused.
 */
export function pluginMiddleware(definition: PluginDefinition, names: string[] = []) {
  return names.map((name) => {
    const load = definition.middleware?.[name]
    if (!load) {
      throw new Error(
        `MIDDLEWARE_UNKNOWN: plugin "${definition.id}" routes use middleware "${name}", which its manifest does not declare`
      )
    }
    let instance: { handle(ctx: HttpContext, next: NextFn): unknown } | undefined
    return async function pluginRouteMiddleware(ctx: HttpContext, next: NextFn) {
      instance ??= new (await load()).default()
      return instance.handle(ctx, next)
    }
  })
}
