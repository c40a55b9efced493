import { computed } from 'vue'
import { router, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useColorMode } from '@vueuse/core'
import { usePreferencesStore } from '../stores/preferences_store'
import type { CoreNavigationEntry, Locale, NavigationEntry, SharedProps } from '../models/panel'

export type ThemeChoice = 'auto' | 'light' | 'dark'

export interface NavItem {
  label: string
  to?: string
  icon?: string
  active?: boolean
  type?: 'label' | 'link'
}

/** Icons of the core's own sidebar entries (named here so that the bundle includes them). */
const CORE_ICONS: Record<CoreNavigationEntry['key'], string> = {
  team: 'i-lucide-users-round',
  roles: 'i-lucide-shield-check',
  settings: 'i-lucide-settings',
  auditLog: 'i-lucide-scroll-text',
}

/** `fixture-base` → `Fixture Base`, when a plugin ships no display name. */
function humanize(id: string) {
  return id.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
}

/** Current path without query: `/fixture-base?page=2` is still the Pings entry. */
function isActive(currentUrl: string, href: string) {
  const path = currentUrl.split('?')[0]
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)
}

/**
 * The shell around every signed-in page: who and where the user is, the menu
 * of the tenant's enabled plugins (grouped by plugin, in the current
 * language), language and theme choice, and signing out.
 */
export function useAppLayoutViewModel() {
  const page = usePage<SharedProps>()
  const { t, te } = useI18n()
  const preferences = usePreferencesStore()
  // Same storage key and `dark` class as Nuxt UI's own colour-mode handling.
  const colorMode = useColorMode()

  const tenantName = computed(() => page.props.tenant?.name ?? t('app.name'))
  const user = computed(() => page.props.user ?? null)
  const initials = computed(() =>
    (user.value?.name ?? '?')
      .split(/\s+/)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? '')
      .join('')
  )

  const navGroups = computed<NavItem[][]>(() => {
    const url = page.url
    const locale = preferences.locale
    const general: NavItem[] = [
      { label: t('shell.general'), type: 'label' },
      {
        label: t('shell.dashboard'),
        to: '/',
        icon: 'i-lucide-layout-dashboard',
        active: isActive(url, '/'),
      },
    ]
    const byPlugin = new Map<string, NavigationEntry[]>()
    for (const entry of page.props.navigation ?? []) {
      byPlugin.set(entry.plugin, [...(byPlugin.get(entry.plugin) ?? []), entry])
    }
    const pluginGroups = [...byPlugin].map(([plugin, entries]) => [
      {
        label: te(`${plugin}.name`) ? t(`${plugin}.name`) : humanize(plugin),
        type: 'label' as const,
      },
      ...entries.map((entry) => ({
        label: entry.label[locale] ?? entry.label.id,
        to: entry.href,
        icon: entry.icon ?? 'i-lucide-puzzle',
        active: isActive(url, entry.href),
      })),
    ])
    const core = page.props.coreNavigation ?? []
    const administration: NavItem[] = core.length
      ? [
          { label: t('team.nav.group'), type: 'label' },
          ...core.map((entry) => ({
            label: t(`team.nav.${entry.key}`),
            to: entry.href,
            icon: CORE_ICONS[entry.key],
            active: isActive(url, entry.href),
          })),
        ]
      : []
    return [general, ...pluginGroups, ...(administration.length ? [administration] : [])]
  })

  const logoUrl = computed(() => page.props.tenant?.logoUrl ?? null)

  const theme = computed<ThemeChoice>({
    get: () => colorMode.store.value as ThemeChoice,
    set: (value) => {
      colorMode.store.value = value
    },
  })
  const isDark = computed(() => colorMode.value === 'dark')
  function toggleTheme() {
    theme.value = isDark.value ? 'light' : 'dark'
  }

  const locale = computed(() => preferences.locale)
  function setLocale(value: Locale) {
    preferences.setLocale(value)
  }

  function signOut() {
    router.post('/logout')
  }

  return {
    tenantName,
    logoUrl,
    user,
    initials,
    navGroups,
    theme,
    isDark,
    toggleTheme,
    locale,
    setLocale,
    signOut,
  }
}
