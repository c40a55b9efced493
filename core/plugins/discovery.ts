import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export interface PluginCandidate {
  /** Where it was found, for error messages: `plugins/mikrotik` or `npm:isp-plugin-hello` */
  origin: string
  /** Absolute path of the module that default-exports the manifest */
  entry: string
  root: string
  source: { kind: 'local' } | { kind: 'npm'; packageName: string }
}

const ENTRY_NAMES = ['plugin.ts', 'plugin.js']

async function exists(path: string) {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** Folders under each plugin directory that hold a `plugin.ts` (or compiled `plugin.js`). */
export async function discoverLocalPlugins(
  appRoot: string,
  dirs: string[]
): Promise<PluginCandidate[]> {
  const found: PluginCandidate[] = []
  for (const dir of dirs) {
    const base = resolve(appRoot, dir)
    const entries = await readdir(base, { withFileTypes: true }).catch(() => [])
    for (const entry of entries
      .filter((e) => e.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))) {
      for (const name of ENTRY_NAMES) {
        const file = join(base, entry.name, name)
        if (await exists(file)) {
          found.push({
            origin: `${dir}/${entry.name}`,
            entry: file,
            root: join(base, entry.name),
            source: { kind: 'local' },
          })
          break
        }
      }
    }
  }
  return found
}

/**
 * Installed npm packages that declare themselves plugins in their package.json:
 * `"ispPlatform": { "plugin": "./build/plugin.js" }`. Only the app's declared
 * dependencies are looked at, never every folder in node_modules.
 */
export async function discoverNpmPlugins(appRoot: string): Promise<PluginCandidate[]> {
  const appPackage = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8'))
  const names = Object.keys({
    ...appPackage.dependencies,
    ...appPackage.optionalDependencies,
  }).sort()
  const found: PluginCandidate[] = []
  for (const name of names) {
    const root = join(appRoot, 'node_modules', name)
    let pkg: any
    try {
      pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
    } catch {
      continue
    }
    const entry = pkg?.ispPlatform?.plugin
    if (typeof entry !== 'string') continue
    found.push({
      origin: `npm:${name}`,
      entry: resolve(root, entry),
      root,
      source: { kind: 'npm', packageName: name },
    })
  }
  return found
}
