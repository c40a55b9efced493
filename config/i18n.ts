import { existsSync, readdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'

/**
 * Plugins ship their server messages next to their code, in
 * `<plugin folder>/lang/<locale>/*.json` (e.g. `errors.json` with
 * `{ "PACKAGE_IN_USE": "..." }` for the error code), merged with the core's.
 */
function pluginLanguageFolders(): string[] {
  const dirs = (env.get('PLUGIN_DIRS') || 'plugins').split(',').map((dir) => dir.trim())
  return dirs.flatMap((dir) => {
    const root = app.makePath(dir)
    if (!existsSync(root)) return []
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => app.makePath(dir, entry.name, 'lang'))
      .filter((folder) => existsSync(folder))
  })
}

/**
 * Server messages (validation, errors) in Indonesian and English, read from
 * `resources/lang/<locale>/*.json` and each plugin's `lang/` folder. English is
 * the fallback: a message not yet translated to Indonesian is still a
 * sentence a person can act on.
 */
const i18nConfig = defineConfig({
  defaultLocale: 'en',
  supportedLocales: ['id', 'en'],
  fallbackLocales: { id: 'en' },
  formatter: formatters.icu(),

  loaders: [
    loaders.fs({ location: app.languageFilesPath() }),
    ...pluginLanguageFolders().map((location) => loaders.fs({ location })),
  ],
})

export default i18nConfig
