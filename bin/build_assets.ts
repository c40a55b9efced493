/*
 * Builds the panel's assets with Vite when they are missing or older than
 * their sources, and does nothing otherwise (a stat walk, well under a second).
 *
 *   node --import=@poppinss/ts-exec bin/build_assets.ts [--force]
 */
import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const MANIFEST = join(ROOT, 'public/assets/.vite/manifest.json')

const SKIP = new Set(['node_modules', 'tests'])

/**
 * What the bundle is made of: the shell, each plugin's panel code and its
 * manifest (menu icons are bundled from it), and the build setup.
 */
async function sources(): Promise<string[]> {
  const plugins = await readdir(join(ROOT, 'plugins'), { withFileTypes: true }).catch(() => [])
  return [
    'resources',
    'vite.config.ts',
    'package-lock.json',
    ...plugins
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => [`plugins/${entry.name}/ui`, `plugins/${entry.name}/plugin.ts`]),
  ]
}

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue
    newest = Math.max(newest, await newestChange(join(path, entry.name)))
  }
  return newest
}

/** True when the built manifest is missing or older than a source file. */
export async function assetsAreStale(): Promise<boolean> {
  const built = await stat(MANIFEST).catch(() => null)
  if (!built) return true
  const changes = await Promise.all((await sources()).map((path) => newestChange(join(ROOT, path))))
  return Math.max(...changes) > built.mtimeMs
}

function viteBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } }
    )
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`ASSETS_BUILD_FAILED: vite build exited with ${code}`))
    )
  })
}

/** Builds when needed; returns whether it built. */
export async function buildAssets(options: { force?: boolean } = {}): Promise<boolean> {
  if (!options.force && !(await assetsAreStale())) return false
  await viteBuild()
  return true
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildAssets({ force: process.argv.includes('--force') })
  console.log(built ? 'panel assets built' : 'panel assets are up to date')
}
