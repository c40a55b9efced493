import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'

/**
 * Server messages (validation, errors) in Indonesian and English, read from
 * `resources/lang/<locale>/*.json`. English is the fallback: a message not yet
 * translated to Indonesian is still a sentence a person can act on.
 */
const i18nConfig = defineConfig({
  defaultLocale: 'en',
  supportedLocales: ['id', 'en'],
  fallbackLocales: { id: 'en' },
  formatter: formatters.icu(),

  loaders: [
    loaders.fs({
      location: app.languageFilesPath(),
    }),
  ],
})

export default i18nConfig
