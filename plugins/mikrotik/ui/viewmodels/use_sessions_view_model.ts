import { computed, onMounted, onUnmounted, ref } from 'vue'
import { router as inertia, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import type { TableColumn } from '../../../../resources/models/table'
import { formatTraffic, type ActiveSession, type RouterPageProps } from '../models/live'
import { useTabQuery } from './use_tab_query'

/** Often enough to see who just logged in, rare enough not to load the router. */
export const POLL_SECONDS = 15

const COLUMNS: TableColumn[] = [
  { key: 'user', label: 'mikrotik.sessions.columns.user' },
  { key: 'type', label: 'mikrotik.sessions.columns.type' },
  { key: 'address', label: 'mikrotik.sessions.columns.address' },
  { key: 'macAddress', label: 'mikrotik.sessions.columns.mac' },
  { key: 'uptime', label: 'mikrotik.sessions.columns.uptime' },
  { key: 'traffic', label: 'mikrotik.sessions.columns.traffic' },
  { key: 'actions', label: 'mikrotik.sessions.columns.actions', align: 'end' },
]

/**
 * The online users tab: asks the router again every 15 s while the browser
 * tab is visible (and at once when it becomes visible after a while), and
 * disconnects a customer after a confirmation.
 */
export function useSessionsViewModel(props: RouterPageProps) {
  const { t } = useI18n()
  const preferences = usePreferencesStore()
  const page = usePage<SharedProps>()
  const list = useTabQuery(props, 'sessions')

  const refreshing = ref(false)
  let lastLoad = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  function refresh() {
    if (refreshing.value) return
    inertia.reload({
      only: ['sessions', 'router', 'liveError'],
      onStart: () => (refreshing.value = true),
      onFinish: () => {
        refreshing.value = false
        lastLoad = Date.now()
      },
    })
  }

  const visible = () => document.visibilityState === 'visible'
  function onVisibility() {
    if (visible() && Date.now() - lastLoad >= POLL_SECONDS * 1000) refresh()
  }
  onMounted(() => {
    timer = setInterval(() => {
      // A confirmation open on screen must not have its row reloaded away under it.
      if (visible() && !confirming.value) refresh()
    }, POLL_SECONDS * 1000)
    document.addEventListener('visibilitychange', onVisibility)
  })
  onUnmounted(() => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisibility)
  })

  const rows = computed(() =>
    (props.sessions?.data ?? []).map((session) => ({
      ...session,
      typeLabel: t(`mikrotik.type.${session.type}`),
      traffic:
        session.bytesIn === null
          ? '—'
          : `${formatTraffic(session.bytesOut)} / ${formatTraffic(session.bytesIn)}`,
    }))
  )

  const confirming = ref<ActiveSession | null>(null)
  const confirmOpen = computed({
    get: () => confirming.value !== null,
    set: (open: boolean) => {
      if (!open) confirming.value = null
    },
  })
  const disconnecting = ref(false)

  function askDisconnect(session: ActiveSession) {
    confirming.value = session
  }

  function disconnect() {
    const session = confirming.value
    if (!session) return
    inertia.post(
      `/mikrotik/routers/${props.router.id}/sessions/${encodeURIComponent(session.id)}/disconnect`,
      { type: session.type },
      {
        preserveScroll: true,
        onStart: () => (disconnecting.value = true),
        onFinish: () => {
          disconnecting.value = false
          confirming.value = null
        },
      }
    )
  }

  const typeOptions = computed(() =>
    (['hotspot', 'pppoe'] as const).map((value) => ({ value, label: t(`mikrotik.type.${value}`) }))
  )

  return {
    ...list,
    columns: COLUMNS,
    rows,
    meta: computed(() => props.sessions?.meta ?? { total: 0, page: 1, perPage: 25, lastPage: 1 }),
    counts: computed(() => props.sessions?.counts ?? { hotspot: 0, pppoe: 0 }),
    updatedAt: computed(() =>
      props.sessions
        ? formatDate(props.sessions.readAt, {
            locale: preferences.locale,
            timeZone: page.props.tenant?.timezone,
            withTime: true,
          })
        : '—'
    ),
    filtered: computed(() => Boolean(props.query.q || props.query.type)),
    typeOptions,
    canWrite: computed(() => props.can.write),
    refreshing,
    refresh,
    confirming,
    confirmOpen,
    disconnecting,
    askDisconnect,
    disconnect,
  }
}
