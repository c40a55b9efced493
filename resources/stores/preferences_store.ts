import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { i18n, isLocale, DEFAULT_LOCALE } from '../i18n/index'
import type { Locale } from '../models/panel'

const STORAGE_KEY = 'panel.locale'

/**
 * The panel language, shared by every page. A user's explicit choice (kept in
 * this browser) wins over the tenant's default language, which wins over Indonesian.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const chosen = readChoice()
  const locale = ref<Locale>(chosen ?? DEFAULT_LOCALE)

  /** The tenant's language applies only until the user picks one. */
  function adoptTenantDefault(tenantLocale: string | null | undefined) {
    if (!readChoice() && isLocale(tenantLocale)) locale.value = tenantLocale
  }

  function setLocale(next: Locale) {
    locale.value = next
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value
      document.documentElement.lang = value
    },
    { immediate: true }
  )

  return { locale, setLocale, adoptTenantDefault }
})

function readChoice(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isLocale(stored) ? stored : null
  } catch {
    return null
  }
}
