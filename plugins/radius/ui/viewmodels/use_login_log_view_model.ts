import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TableColumn } from '../../../../resources/models/table'
import type { AuthLogEntry, LoginLogPageProps } from '../models/radius'
import { useFilteredList } from './use_filtered_list'
import { useSessionFormat } from './use_session_format'

const COLUMNS: TableColumn[] = [
  { key: 'time', label: 'radius.columns.time' },
  { key: 'username', label: 'radius.columns.username' },
  { key: 'result', label: 'radius.columns.result' },
  { key: 'reason', label: 'radius.columns.reason' },
  { key: 'mac', label: 'radius.columns.mac' },
]

/** Logins accepted and refused; a refusal's code is shown in words, with the detail kept. */
export function useLoginLogViewModel(props: LoginLogPageProps) {
  const { t, te } = useI18n()
  const format = useSessionFormat()
  const list = useFilteredList({
    path: '/radius/log',
    only: ['log', 'filters'],
    current: () => props.filters,
    meta: () => props.log.meta,
  })

  /** `WRONG_PASSWORD: pap: Cleartext password does not match` → "Wrong password" + the detail. */
  function reasonOf(entry: AuthLogEntry) {
    if (!entry.reason) return { label: '—', detail: '' }
    const [code, ...rest] = entry.reason.split(':')
    const key = `radius.reasons.${code.trim()}`
    return te(key)
      ? { label: t(key), detail: rest.join(':').trim() || code.trim() }
      : { label: entry.reason, detail: '' }
  }

  const rows = computed(() =>
    props.log.data.map((entry) => ({
      ...entry,
      timeLabel: format.when(entry.createdAt),
      resultLabel: t(`radius.log.${entry.result}`),
      reasonLabel: reasonOf(entry),
      macLabel: entry.macAddress ?? '—',
    }))
  )
  const resultOptions = computed(() =>
    (['accept', 'reject'] as const).map((value) => ({ value, label: t(`radius.log.${value}`) }))
  )
  const emptyTitle = computed(() =>
    list.filtered.value ? t('radius.log.noMatch') : t('radius.log.empty')
  )
  return { ...list, columns: COLUMNS, rows, resultOptions, emptyTitle }
}
