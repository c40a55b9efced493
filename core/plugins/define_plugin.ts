import type { PluginDefinition } from './types.js'

/**
 * Declares a plugin. It only types the manifest: the kernel validates every
 * plugin at boot, including plain objects exported by npm packages that do
 * not import this function.
 */
export function definePlugin<const T extends PluginDefinition>(definition: T): T {
  return definition
}

export { defineExtensionPoint, implement } from './extension_point.js'
export type * from './types.js'
