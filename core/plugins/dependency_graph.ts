import semver from 'semver'
import { PluginError } from './errors.js'
import type { PluginDefinition } from './types.js'

/**
 * Checks every `requires` against the running core and the plugins present,
 * then orders plugins so that each comes after the plugins it requires.
 * Ties keep alphabetical order, so boot order never depends on disk order.
 */
export function resolvePluginOrder<P extends { definition: PluginDefinition }>(
  plugins: P[],
  coreVersion: string
): P[] {
  const byId = new Map<string, P>()
  for (const plugin of plugins) {
    const id = plugin.definition.id
    if (byId.has(id)) {
      throw new PluginError('PLUGIN_DUPLICATE', `plugin "${id}" is installed twice`, [id])
    }
    byId.set(id, plugin)
  }

  for (const { definition } of plugins) {
    const coreRange = definition.requires?.core
    if (coreRange && !semver.satisfies(coreVersion, coreRange, { includePrerelease: true })) {
      throw new PluginError(
        'PLUGIN_CORE_INCOMPATIBLE',
        `plugin "${definition.id}" ${definition.version} requires core ${coreRange}, but core is ${coreVersion}`,
        [definition.id]
      )
    }
    for (const [depId, range] of Object.entries(definition.requires?.plugins ?? {})) {
      const dep = byId.get(depId)
      if (!dep) {
        throw new PluginError(
          'PLUGIN_DEPENDENCY_MISSING',
          `plugin "${definition.id}" requires plugin "${depId}" ${range}, which is not installed`,
          [definition.id, depId]
        )
      }
      if (!semver.satisfies(dep.definition.version, range, { includePrerelease: true })) {
        throw new PluginError(
          'PLUGIN_DEPENDENCY_INCOMPATIBLE',
          `plugin "${definition.id}" requires plugin "${depId}" ${range}, but ${dep.definition.version} is installed`,
          [definition.id, depId]
        )
      }
    }
  }

  const ordered: P[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id]
      throw new PluginError(
        'PLUGIN_DEPENDENCY_CYCLE',
        `plugins depend on each other in a cycle: ${cycle.join(' → ')}`,
        cycle.slice(0, -1)
      )
    }
    state.set(id, 'visiting')
    const plugin = byId.get(id)!
    for (const depId of Object.keys(plugin.definition.requires?.plugins ?? {}).sort()) {
      visit(depId, [...path, id])
    }
    state.set(id, 'done')
    ordered.push(plugin)
  }
  for (const id of [...byId.keys()].sort()) visit(id, [])
  return ordered
}

/** Every plugin `id` needs, directly or through others. */
export function requiredClosure(id: string, byId: Map<string, PluginDefinition>): string[] {
  const seen = new Set<string>()
  const walk = (current: string) => {
    for (const dep of Object.keys(byId.get(current)?.requires?.plugins ?? {})) {
      if (!seen.has(dep)) {
        seen.add(dep)
        walk(dep)
      }
    }
  }
  walk(id)
  return [...seen]
}

/** Every plugin that needs `id`, directly or through others. */
export function dependentClosure(id: string, byId: Map<string, PluginDefinition>): string[] {
  return [...byId.keys()].filter(
    (other) => other !== id && requiredClosure(other, byId).includes(id)
  )
}
