import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TableColumn } from '../../../../resources/models/table'
import { formatBytes, type UsagePageProps } from '../models/radius'
import { useFilteredList } from './use_filtered_list'

const COLUMNS: TableColumn[] = [
  { key: 'day', label: 'radius.columns.day' },
  { key: 'username', label: 'radius.columns.username' },
  { key: 'download', label: 'radius.columns.download', align: 'end' },
  { key: 'upload', label: 'radius.columns.upload', align: 'end' },
  { key: 'total', label: 'radius.columns.total', align: 'end' },
  { key: 'sessions', label: 'radius.columns.sessions', align: 'end' },
]

/** Traffic per customer per day, with the period's total and a CSV of the same rows. */
export function useUsageViewModel(props: UsagePageProps) {
  const { t, locale } = useI18n()
  const list = useFilteredList({
    path: '/radius/usage',
    only: ['report', 'filters', 'rangeError'],
    current: () => props.filters,
    meta: () => props.report.meta,
  })
  const bytes = (octets: number) => formatBytes(octets, locale.value)
  const dayLabel = (day: string) =>
    new Intl.DateTimeFormat(locale.value === 'en' ? 'en-ID' : 'id-ID', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`))

  const rows = computed(() =>
    props.report.data.map((row) => ({
      ...row,
      dayLabel: dayLabel(row.day),
      // Input is what the customer sent (upload), output what they received (download).
      downloadLabel: bytes(row.outputOctets),
      uploadLabel: bytes(row.inputOctets),
      totalLabel: bytes(row.totalOctets),
    }))
  )
  const total = computed(() => ({
    download: bytes(props.report.total.outputOctets),
    upload: bytes(props.report.total.inputOctets),
    total: bytes(props.report.total.totalOctets),
  }))
  const csvHref = computed(() => {
    const params = new URLSearchParams({ from: props.filters.from, to: props.filters.to })
    if (props.filters.username) params.set('username', props.filters.username)
    return `/radius/usage/export.csv?${params}`
  })
  const emptyTitle = computed(() => t('radius.usage.empty'))
  return {
    ...list,
    columns: COLUMNS,
    rows,
    total,
    csvHref,
    emptyTitle,
    subtitle: computed(() => t('radius.usage.subtitle', { timezone: props.report.timezone })),
    rangeError: computed(() => (props.rangeError ? t('radius.usage.rangeError') : null)),
  }
}
