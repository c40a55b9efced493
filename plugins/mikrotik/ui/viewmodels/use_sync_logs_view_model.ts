import { computed } from 'vue'
import { usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import type { TableColumn } from '../../../../resources/models/table'
import type { RouterPageProps } from '../models/live'
import { useTabQuery } from './use_tab_query'

const COLUMNS: TableColumn[] = [
  { key: 'startedAt', label: 'mikrotik.logs.columns.startedAt' },
  { key: 'outcome', label: 'mikrotik.logs.columns.outcome' },
  { key: 'duration', label: 'mikrotik.logs.columns.duration' },
  { key: 'counts', label: 'mikrotik.logs.columns.counts' },
  { key: 'message', label: 'mikrotik.logs.columns.message' },
]

/** The router's sync history, newest first, paged by the server. */
export function useSyncLogsViewModel(props: RouterPageProps) {
  const { t } = useI18n()
  const preferences = usePreferencesStore()
  const page = usePage<SharedProps>()
  const list = useTabQuery(props, 'logs')
  const rows = computed(() =>
    (props.logs?.data ?? []).map((log) => ({
      ...log,
      started: formatDate(log.startedAt, {
        locale: preferences.locale,
        timeZone: page.props.tenant?.timezone,
        withTime: true,
      }),
      outcomeLabel: t(`mikrotik.logs.${log.outcome}`),
      badge: log.outcome === 'ok' ? ('active' as const) : ('error' as const),
      duration: `${(log.durationMs / 1000).toFixed(1)} s`,
      counts:
        log.hotspot === null && log.pppoe === null
          ? '—'
          : t('mikrotik.sessions.summary', { hotspot: log.hotspot ?? 0, pppoe: log.pppoe ?? 0 }),
    }))
  )
  return {
    ...list,
    columns: COLUMNS,
    rows,
    meta: computed(() => props.logs?.meta ?? { total: 0, page: 1, perPage: 25, lastPage: 1 }),
  }
}
