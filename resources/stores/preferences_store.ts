import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { router } from '@inertiajs/vue3'
import { i18n, isLocale, DEFAULT_LOCALE } from '../i18n/index'
import type { Locale } from '../models/panel'

const STORAGE_KEY = 'panel.locale'

/**
 * The panel language, shared by every page. The server decides it (the
 * user's stored preference, this browser's choice, the account's language,
 * then the browser's languages) and says so in the `locale` prop, so that
 * the panel and the server's messages always speak the same language. A
 * switch is sent to the server, which stores it on the account: it follows
 * the user to every device.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>(readStored() ?? DEFAULT_LOCALE)

  /** The language the server answered the current page in. */
  function adoptServerLocale(serverLocale: unknown) {
    if (isLocale(serverLocale)) locale.value = serverLocale
  }

  /** Kept for pages that only know the account's language (no `locale` prop). */
  function adoptTenantDefault(tenantLocale: string | null | undefined) {
    if (!readStored() && isLocale(tenantLocale)) locale.value = tenantLocale
  }

  function setLocale(next: Locale) {
    if (next === locale.value) return
    locale.value = next
    router.post(
      '/locale',
      { locale: next },
      { preserveState: true, preserveScroll: true, showProgress: false }
    )
  }

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value
      document.documentElement.lang = value
      try {
        // Read before the first paint by the HTML template (no flash of the other language).
        localStorage.setItem(STORAGE_KEY, value)
      } catch {
        // Private browsing may refuse storage; the server still knows the choice.
      }
    },
    { immediate: true }
  )

  return { locale, setLocale, adoptServerLocale, adoptTenantDefault }
})

function readStored(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isLocale(stored) ? stored : null
  } catch {
    return null
  }
}
