import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TableColumn } from '../../../../resources/models/table'
import type { HistoryPageProps } from '../models/radius'
import { useFilteredList } from './use_filtered_list'
import { useSessionFormat } from './use_session_format'

const COLUMNS: TableColumn[] = [
  { key: 'username', label: 'radius.columns.username' },
  { key: 'nas', label: 'radius.columns.nas' },
  { key: 'started', label: 'radius.columns.started' },
  { key: 'ended', label: 'radius.columns.ended' },
  { key: 'duration', label: 'radius.columns.duration', align: 'end' },
  { key: 'download', label: 'radius.columns.download', align: 'end' },
  { key: 'upload', label: 'radius.columns.upload', align: 'end' },
  { key: 'cause', label: 'radius.columns.cause' },
]

/** Every session, filtered by login, NAS, the days it started and how it ended. */
export function useHistoryViewModel(props: HistoryPageProps) {
  const { t } = useI18n()
  const format = useSessionFormat()
  const list = useFilteredList({
    path: '/radius/history',
    only: ['sessions', 'filters', 'causes'],
    current: () => props.filters,
    meta: () => props.sessions.meta,
  })
  const rows = computed(() =>
    props.sessions.data.map((s) => ({
      ...format.sessionRow(s),
      causeLabel: s.stoppedAt ? (s.terminateCause ?? '—') : t('radius.sessions.running'),
    }))
  )
  const causeOptions = computed(() => props.causes.map((cause) => ({ value: cause, label: cause })))
  const emptyTitle = computed(() =>
    list.filtered.value ? t('radius.history.noMatch') : t('radius.history.empty')
  )
  return { ...list, columns: COLUMNS, rows, causeOptions, emptyTitle }
}
