import { pathToFileURL } from 'node:url'
import { readFileSync } from 'node:fs'
import { discoverLocalPlugins, discoverNpmPlugins, type PluginCandidate } from './discovery.js'
import { validateManifest } from './manifest_validator.js'
import { resolvePluginOrder } from './dependency_graph.js'
import { PluginError } from './errors.js'
import type { LoadedPlugin } from './types.js'

export interface LoadOptions {
  appRoot: string
  /** Plugin folders relative to appRoot */
  dirs: string[]
  /** Also look for plugins among the app's npm dependencies */
  npm?: boolean
  coreVersion: string
}

export async function importCandidate(candidate: PluginCandidate): Promise<LoadedPlugin> {
  let module: any
  try {
    module = await import(pathToFileURL(candidate.entry).href)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new PluginError(
      'PLUGIN_LOAD_FAILED',
      `${candidate.origin}: cannot import ${candidate.entry}: ${reason}`,
      [candidate.origin]
    )
  }
  const definition = await validateManifest(module.default, candidate.origin)
  return { definition, root: candidate.root, source: candidate.source }
}

/** Discover, import, validate and order plugins. Throws a PluginError naming the plugins at fault. */
export async function loadPlugins(options: LoadOptions): Promise<LoadedPlugin[]> {
  const candidates = [
    ...(await discoverLocalPlugins(options.appRoot, options.dirs)),
    ...(options.npm === false ? [] : await discoverNpmPlugins(options.appRoot)),
  ]
  const loaded = await Promise.all(candidates.map(importCandidate))
  return resolvePluginOrder(loaded, options.coreVersion)
}

export function readCoreVersion(appRoot: string): string {
  return JSON.parse(readFileSync(`${appRoot}/package.json`, 'utf8')).version
}
