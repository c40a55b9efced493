/**
 * Boot-time refusals. Each names the plugins involved so that an operator
 * knows what to install, upgrade or remove.
 */
export class PluginError extends Error {
  constructor(
    readonly code:
      | 'PLUGIN_MANIFEST_INVALID'
      | 'PLUGIN_DUPLICATE'
      | 'PLUGIN_DEPENDENCY_MISSING'
      | 'PLUGIN_DEPENDENCY_INCOMPATIBLE'
      | 'PLUGIN_CORE_INCOMPATIBLE'
      | 'PLUGIN_DEPENDENCY_CYCLE'
      | 'PLUGIN_LOAD_FAILED',
    message: string,
    readonly plugins: string[]
  ) {
    super(`${code}: ${message}`)
    this.name = 'PluginError'
  }
}
