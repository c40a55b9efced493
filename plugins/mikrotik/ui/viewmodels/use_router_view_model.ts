import { computed, ref } from 'vue'
import { router as inertia, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import { formatBytes } from '../models/router'
import type { RouterPageProps, RouterTab } from '../models/live'
import { STATUS_BADGE } from './use_routers_view_model'
import { messageOf, useNotice } from './form_support'

const TABS: RouterTab[] = ['overview', 'sessions', 'accounts', 'leases', 'logs', 'settings']

/**
 * One router: its header (status, test connection, links to the push and
 * onboarding pages) and the tab bar. Each tab is its own visit
 * (`?tab=sessions`), so the router is asked only for what the open tab shows.
 */
export function useRouterViewModel(props: RouterPageProps) {
  const { t } = useI18n()
  const preferences = usePreferencesStore()
  const page = usePage<SharedProps>()
  useNotice(() => props.notice)

  const when = (value: string | null) =>
    value
      ? formatDate(value, {
          locale: preferences.locale,
          timeZone: page.props.tenant?.timezone,
          withTime: true,
        })
      : t('mikrotik.detail.never')

  const base = computed(() => `/mikrotik/routers/${props.router.id}`)
  const tabs = computed(() =>
    TABS.filter((tab) => tab !== 'settings' || props.can.write).map((tab) => ({
      key: tab,
      label: t(`mikrotik.detail.tabs.${tab}`),
      href: tab === 'overview' ? base.value : `${base.value}?tab=${tab}`,
      current: props.tab === tab,
    }))
  )

  const router = computed(() => props.router)
  const memoryUsed = computed(() => {
    const { freeMemory, totalMemory } = props.router
    if (freeMemory === null || totalMemory === null) return '—'
    return t('mikrotik.detail.memoryOf', {
      used: formatBytes(totalMemory - freeMemory),
      total: formatBytes(totalMemory),
    })
  })

  const facts = computed(() => {
    const r = props.router
    return [
      { key: 'lastSeen', label: t('mikrotik.detail.facts.lastSeen'), value: when(r.lastSeenAt) },
      {
        key: 'lastSync',
        label: t('mikrotik.detail.facts.lastSync'),
        value: when(props.lastSync?.startedAt ?? r.lastSyncedAt),
      },
      { key: 'identity', label: t('mikrotik.detail.facts.identity'), value: r.identity ?? '—' },
      {
        key: 'version',
        label: t('mikrotik.detail.facts.version'),
        value: r.routerosVersion ?? '—',
      },
      { key: 'board', label: t('mikrotik.detail.facts.board'), value: r.boardName ?? '—' },
      { key: 'uptime', label: t('mikrotik.detail.facts.uptime'), value: r.uptime ?? '—' },
      {
        key: 'cpu',
        label: t('mikrotik.detail.facts.cpu'),
        value: r.cpuLoad === null ? '—' : `${r.cpuLoad} %`,
      },
      { key: 'memory', label: t('mikrotik.detail.facts.memory'), value: memoryUsed.value },
      {
        key: 'address',
        label: t('mikrotik.detail.facts.address'),
        value: `${r.host}:${r.port}${r.tls ? ' (TLS)' : ''}`,
      },
      { key: 'apiUser', label: t('mikrotik.detail.facts.apiUser'), value: r.apiUser },
    ]
  })

  const testing = ref(false)
  function testConnection() {
    inertia.post(
      `${base.value}/test-connection`,
      {},
      {
        preserveScroll: true,
        onStart: () => (testing.value = true),
        onFinish: () => (testing.value = false),
      }
    )
  }

  return {
    router,
    tabs,
    badge: computed(() => STATUS_BADGE[props.router.status]),
    statusLabel: computed(() => t(`mikrotik.status.${props.router.status}`)),
    facts,
    when,
    canWrite: computed(() => props.can.write),
    pushHref: computed(() => `${base.value}/push`),
    onboardingHref: computed(() => `${base.value}/onboarding`),
    /** A refusal of a button on this page (a session gone, the router down) */
    pageError: computed(() =>
      messageOf((page.props.errors ?? {}) as Record<string, unknown>, 'form')
    ),
    testing,
    testConnection,
  }
}
