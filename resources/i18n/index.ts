import { createI18n } from 'vue-i18n'
import type { Locale } from '../models/panel'
import id from './id.json'
import en from './en.json'

export const LOCALES: Locale[] = ['id', 'en']
export const DEFAULT_LOCALE: Locale = 'id'

type Messages = Record<string, unknown>

/**
 * Plugins ship `plugins/<id>/ui/i18n/{id,en}.json`; their messages live under
 * the plugin's id (`t('fixture-base.title')`) so two plugins never collide.
 * Bundled eagerly: they are small and every page may need them.
 */
const pluginMessages = import.meta.glob<Messages>('../../plugins/*/ui/i18n/*.json', {
  eager: true,
  import: 'default',
})

/**
 * Areas of the shell keep their messages in their own folder
 * (`resources/i18n/<area>/{id,en}.json`, used as `t('<area>.key')`).
 */
const areaMessages = import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' })

function messagesFor(locale: Locale): Messages {
  const messages: Messages = { ...(locale === 'en' ? en : id) }
  for (const [path, content] of Object.entries(areaMessages)) {
    const match = path.match(/^\.\/([^/]+)\/([a-z]+)\.json$/)
    if (match && match[2] === locale) messages[match[1]] = content
  }
  for (const [path, content] of Object.entries(pluginMessages)) {
    const match = path.match(/plugins\/([^/]+)\/ui\/i18n\/([a-z]+)\.json$/)
    if (match && match[2] === locale) messages[match[1]] = content
  }
  return messages
}

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale)
}

// Messages are plain JSON merged at run time, so their keys are not typed.
const messages: Record<string, any> = { id: messagesFor('id'), en: messagesFor('en') }

export const i18n = createI18n({
  legacy: false,
  locale: DEFAULT_LOCALE as string,
  fallbackLocale: DEFAULT_LOCALE,
  messages,
})
