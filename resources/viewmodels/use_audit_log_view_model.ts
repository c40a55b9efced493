import { computed, ref } from 'vue'
import { router, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate } from '../lib/format'
import { usePreferencesStore } from '../stores/preferences_store'
import type { SharedProps } from '../models/panel'
import type { TableColumn, TableQuery } from '../models/table'
import type { AuditEntry, AuditFilters, AuditLogPageProps, FieldChange } from '../models/audit'

const COLUMNS: TableColumn[] = [
  { key: 'createdAt', label: 'audit.columns.when' },
  { key: 'actor', label: 'audit.columns.who' },
  { key: 'action', label: 'audit.columns.what' },
  { key: 'subject', label: 'audit.columns.subject' },
  { key: 'details', label: 'audit.columns.details', align: 'end' },
]

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value)

/** Field by field, what an entry changed (the union of the keys of before and after). */
export function changesOf(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = entry.before ?? {}
  const after = entry.after ?? {}
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return fields.map((field) => ({
    field,
    before: show(before[field]),
    after: show(after[field]),
  }))
}

/**
 * The audit log: newest first, filtered by who, what and when (kept in the
 * URL), with each entry's before and after in a detail panel.
 */
export function useAuditLogViewModel(props: AuditLogPageProps) {
  const { t, te } = useI18n()
  const page = usePage<SharedProps>()
  const preferences = usePreferencesStore()

  const filters = ref<AuditFilters>({ ...props.filters })
  const query = ref<TableQuery>({
    page: props.entries.meta.page,
    perPage: props.entries.meta.perPage,
  })
  const loading = ref(false)

  function load() {
    const { actor, action, from, to } = filters.value
    router.get(
      '/audit-log',
      {
        actor: actor || undefined,
        action: action || undefined,
        from: from || undefined,
        to: to || undefined,
        page: query.value.page > 1 ? query.value.page : undefined,
      },
      {
        only: ['entries', 'filters'],
        preserveState: true,
        preserveScroll: true,
        replace: true,
        onStart: () => (loading.value = true),
        onFinish: () => (loading.value = false),
      }
    )
  }

  function setFilter<K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) {
    filters.value = { ...filters.value, [key]: value }
    query.value = { ...query.value, page: 1 }
    load()
  }
  function clearFilters() {
    filters.value = { actor: '', action: '', from: '', to: '' }
    query.value = { ...query.value, page: 1 }
    load()
  }
  function updateQuery(next: TableQuery) {
    query.value = next
    load()
  }
  const filtered = computed(() => Object.values(filters.value).some(Boolean))

  const actionLabel = (action: string) =>
    te(`audit.actions.${action}`) ? t(`audit.actions.${action}`) : action
  const actorLabel = (entry: Pick<AuditEntry, 'actor' | 'actorName'>) => {
    if (entry.actorName) return entry.actorName
    if (entry.actor.startsWith('super_admin:')) return t('audit.superAdmin')
    if (entry.actor === 'anonymous') return t('audit.anonymous')
    if (entry.actor.startsWith('system:')) return t('audit.system')
    return entry.actor
  }
  const when = (value: string) =>
    formatDate(value, {
      locale: preferences.locale,
      timeZone: props.timezone || page.props.tenant?.timezone,
      withTime: true,
    })

  const rows = computed(() =>
    props.entries.data.map((entry) => ({
      ...entry,
      whenLabel: when(entry.createdAt),
      actorLabel: actorLabel(entry),
      actionLabel: actionLabel(entry.action),
      subjectLabel: entry.subjectType ? `${entry.subjectType}` : '—',
    }))
  )

  const actionOptions = computed(() =>
    props.choices.actions.map((value) => ({ value, label: actionLabel(value) }))
  )

  const selected = ref<AuditEntry | null>(null)
  const detailOpen = ref(false)
  function openDetail(entry: AuditEntry) {
    selected.value = entry
    detailOpen.value = true
  }
  const selectedChanges = computed(() => (selected.value ? changesOf(selected.value) : []))

  return {
    columns: COLUMNS,
    rows,
    meta: computed(() => props.entries.meta),
    query,
    loading,
    updateQuery,
    filters,
    setFilter,
    clearFilters,
    filtered,
    actionOptions,
    actorOptions: computed(() => props.choices.actors),
    selected,
    detailOpen,
    openDetail,
    selectedChanges,
    when,
    actorLabel,
    actionLabel,
  }
}
