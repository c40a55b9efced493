import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { loadPlugins, readCoreVersion } from './loader.js'
import type { LoadedPlugin } from './types.js'

/**
 * The plugin set of this process, loaded once. Config files need it before
 * the container exists (migration paths), so it lives outside the container;
 * the kernel provider wraps it in the PluginRegistry.
 */
export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CORE_VERSION = readCoreVersion(APP_ROOT)

let loading: Promise<LoadedPlugin[]> | undefined

export function pluginDirs(): string[] {
  return (process.env.PLUGIN_DIRS || 'plugins')
    .split(',')
    .map((dir) => dir.trim())
    .filter(Boolean)
}

export function installedPlugins(): Promise<LoadedPlugin[]> {
  loading ??= loadPlugins({ appRoot: APP_ROOT, dirs: pluginDirs(), coreVersion: CORE_VERSION })
  return loading
}

export function pluginMigrationsFolder(plugin: LoadedPlugin): string {
  return join(plugin.root, plugin.definition.migrations ?? 'database/migrations')
}

/** Core migrations first, then each plugin's in dependency order. */
export async function migrationPaths(): Promise<string[]> {
  const plugins = await installedPlugins()
  const paths = ['./database/migrations']
  for (const plugin of plugins) {
    const folder = pluginMigrationsFolder(plugin)
    if (existsSync(folder)) paths.push(`./${relative(APP_ROOT, folder)}`)
  }
  return paths
}
