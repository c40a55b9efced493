import { computed } from 'vue'
import { usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { usePreferencesStore } from '../stores/preferences_store'
import type { PanelUser, SharedProps } from '../models/panel'

export interface DashboardProps {
  user: PanelUser
  tenantName: string
}

/**
 * The tenant's home: a greeting, the modules it has enabled, and the widgets
 * area plugins will fill (empty until one contributes a widget).
 */
export function useDashboardViewModel(props: DashboardProps) {
  const page = usePage<SharedProps>()
  const { t } = useI18n()
  const preferences = usePreferencesStore()

  const greeting = computed(() => t('dashboard.welcome', { name: props.user.name }))
  const subtitle = computed(() => t('dashboard.subtitle', { tenant: props.tenantName }))
  // The tenant's modules only: the super admin's own entries (the way back
  // from an impersonation) are not modules of the account.
  const modules = computed(() =>
    (page.props.navigation ?? [])
      .filter((entry) => entry.plugin !== 'admin')
      .map((entry) => ({
        href: entry.href,
        icon: entry.icon ?? 'i-lucide-puzzle',
        label: entry.label[preferences.locale] ?? entry.label.id,
      }))
  )
  const widgets = computed<unknown[]>(() => [])

  return { greeting, subtitle, modules, widgets }
}
