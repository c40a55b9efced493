/**
 * Page names are `core/<path>` for the shell's own pages and
 * `<plugin-id>/<path>` for pages a plugin ships in `plugins/<id>/ui/pages/`.
 * Vite bundles every plugin's pages without the shell listing them.
 */
const corePages = import.meta.glob('./pages/**/*.vue')
const pluginPages = import.meta.glob('../plugins/*/ui/pages/**/*.vue')

export function pageLoader(name: string) {
  const [owner, ...rest] = name.split('/')
  const path = rest.join('/')
  const key = owner === 'core' ? `./pages/${path}.vue` : `../plugins/${owner}/ui/pages/${path}.vue`
  const load = corePages[key] ?? pluginPages[key]
  if (!load) throw new Error(`PAGE_NOT_FOUND: no page "${name}" (looked for ${key})`)
  return load()
}
