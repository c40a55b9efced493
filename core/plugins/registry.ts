import { dependentClosure, requiredClosure } from './dependency_graph.js'
import type { LoadedPlugin, PluginDefinition } from './types.js'

/** The installed plugins of this process, in dependency order. */
export class PluginRegistry {
  #byId: Map<string, LoadedPlugin>
  #definitions: Map<string, PluginDefinition>

  constructor(readonly plugins: LoadedPlugin[]) {
    this.#byId = new Map(plugins.map((p) => [p.definition.id, p]))
    this.#definitions = new Map(plugins.map((p) => [p.definition.id, p.definition]))
  }

  has(id: string) {
    return this.#byId.has(id)
  }

  get(id: string): LoadedPlugin | undefined {
    return this.#byId.get(id)
  }

  ids(): string[] {
    return this.plugins.map((p) => p.definition.id)
  }

  /** Plugins `id` needs, directly or transitively. */
  requiredBy(id: string): string[] {
    return requiredClosure(id, this.#definitions)
  }

  /** Installed plugins that need `id`, directly or transitively. */
  dependentsOf(id: string): string[] {
    return dependentClosure(id, this.#definitions)
  }

  permissions() {
    return this.plugins.flatMap((p) =>
      (p.definition.permissions ?? []).map((perm) => ({ ...perm, plugin: p.definition.id }))
    )
  }

  limits() {
    return this.plugins.flatMap((p) =>
      (p.definition.limits ?? []).map((l) => ({ ...l, plugin: p.definition.id }))
    )
  }

  /** Navigation of the given plugins, ordered for the panel. */
  navigation(enabled: ReadonlySet<string>) {
    return this.plugins
      .filter((p) => enabled.has(p.definition.id))
      .flatMap((p) =>
        (p.definition.navigation ?? []).map((entry) => ({ ...entry, plugin: p.definition.id }))
      )
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
  }
}
