import type { ExtensionPoint } from './extension_point.js'
import type { PluginRegistry } from './registry.js'

export interface ResolvedExtension<T> {
  plugin: string
  implementation: T
}

/**
 * Finds the implementations of an extension point that a tenant may use:
 * those of plugins enabled for the tenant, and only while the plugin that
 * owns the point is enabled too.
 */
export class ExtensionRegistry {
  #owners = new Map<string, string>()
  #implementations = new Map<
    string,
    { plugin: string; load: () => Promise<{ default: unknown }> }[]
  >()
  #loaded = new Map<string, unknown>()

  constructor(registry: PluginRegistry) {
    for (const { definition } of registry.plugins) {
      for (const point of definition.extensionPoints ?? []) {
        this.#owners.set(point.name, definition.id)
      }
    }
    for (const { definition } of registry.plugins) {
      for (const ext of definition.extensions ?? []) {
        const list = this.#implementations.get(ext.point.name) ?? []
        list.push({ plugin: definition.id, load: ext.implementation })
        this.#implementations.set(ext.point.name, list)
      }
    }
  }

  /** Plugin that defines the point, or undefined for points the core defines. */
  ownerOf(point: ExtensionPoint<unknown>) {
    return this.#owners.get(point.name)
  }

  /** Implementations regardless of tenant (platform-wide work, listings). */
  async all<T>(point: ExtensionPoint<T>): Promise<ResolvedExtension<T>[]> {
    const list = this.#implementations.get(point.name) ?? []
    return Promise.all(
      list.map(async (entry) => ({
        plugin: entry.plugin,
        implementation: (await this.#load(point.name, entry)) as T,
      }))
    )
  }

  /** Implementations for one tenant, given the plugins enabled for it. */
  async forTenant<T>(
    point: ExtensionPoint<T>,
    enabled: ReadonlySet<string>
  ): Promise<ResolvedExtension<T>[]> {
    const owner = this.#owners.get(point.name)
    if (owner && !enabled.has(owner)) return []
    const list = (this.#implementations.get(point.name) ?? []).filter((entry) =>
      enabled.has(entry.plugin)
    )
    return Promise.all(
      list.map(async (entry) => ({
        plugin: entry.plugin,
        implementation: (await this.#load(point.name, entry)) as T,
      }))
    )
  }

  async #load(point: string, entry: { plugin: string; load: () => Promise<{ default: unknown }> }) {
    const key = `${point}:${entry.plugin}`
    if (!this.#loaded.has(key)) this.#loaded.set(key, (await entry.load()).default)
    return this.#loaded.get(key)
  }
}
