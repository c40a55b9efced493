import { computed, ref } from 'vue'
import { router as inertia, useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import type { Status, TableColumn, TableQuery } from '../../../../resources/models/table'
import {
  EMPTY_ROUTER_DRAFT,
  routerPayload,
  type RouterDraft,
  type RouterStatus,
  type RoutersPageProps,
} from '../models/router'
import { messageOf, useNotice } from './form_support'

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'mikrotik.list.columns.name' },
  { key: 'address', label: 'mikrotik.list.columns.address' },
  { key: 'status', label: 'mikrotik.list.columns.status' },
  { key: 'routerosVersion', label: 'mikrotik.list.columns.version' },
  { key: 'lastSeen', label: 'mikrotik.list.columns.lastSeen' },
]

/** Router status in the panel's shared colours. */
export const STATUS_BADGE: Record<RouterStatus, Status> = {
  online: 'active',
  offline: 'error',
  unknown: 'unknown',
}

/**
 * The routers list: search, status filter and page live in the URL and are
 * answered by the server; "add router" posts to the panel and shows the
 * server's messages beside the fields.
 */
export function useRoutersViewModel(props: RoutersPageProps) {
  const { t } = useI18n()
  const preferences = usePreferencesStore()
  const page = usePage<SharedProps>()
  useNotice(() => props.notice)

  const query = ref<TableQuery>({
    page: props.routers.meta.page,
    perPage: props.routers.meta.perPage,
    search: props.filters.q,
  })
  const status = ref<RouterStatus | ''>(props.filters.status)
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  /** Filters live in the URL, so a filtered list can be bookmarked and shared. */
  function load() {
    const params = {
      q: query.value.search?.trim() || undefined,
      status: status.value || undefined,
      page: query.value.page > 1 ? query.value.page : undefined,
    }
    inertia.get('/mikrotik/routers', params, {
      only: ['routers', 'filters'],
      preserveState: true,
      preserveScroll: true,
      replace: true,
      onStart: () => (loading.value = true),
      onFinish: () => (loading.value = false),
    })
  }

  function updateQuery(next: TableQuery) {
    const searchChanged = next.search !== query.value.search
    query.value = next
    clearTimeout(timer)
    if (searchChanged) timer = setTimeout(load, 300)
    else load()
  }

  function setStatus(next: string) {
    status.value = next as RouterStatus | ''
    query.value = { ...query.value, page: 1 }
    load()
  }

  const rows = computed(() =>
    props.routers.data.map((router) => ({
      ...router,
      href: `/mikrotik/routers/${router.id}`,
      address: `${router.host}:${router.port}${router.tls ? ' (TLS)' : ''}`,
      badge: STATUS_BADGE[router.status],
      statusLabel: t(`mikrotik.status.${router.status}`),
      lastSeen: router.lastSeenAt
        ? formatDate(router.lastSeenAt, {
            locale: preferences.locale,
            timeZone: page.props.tenant?.timezone,
            withTime: true,
          })
        : '—',
    }))
  )
  const statusOptions = computed(() =>
    (['online', 'offline', 'unknown'] as const).map((value) => ({
      value,
      label: t(`mikrotik.status.${value}`),
    }))
  )

  const formOpen = ref(false)
  const form = useForm<RouterDraft>({ ...EMPTY_ROUTER_DRAFT })
  const errorFor = (field: string) => messageOf(form.errors as Record<string, unknown>, field)

  function openForm() {
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function submit() {
    form
      .transform((draft) => routerPayload(draft, false))
      .post('/mikrotik/routers', {
        preserveScroll: true,
        onSuccess: () => {
          formOpen.value = false
          form.reset()
        },
      })
  }

  return {
    columns: COLUMNS,
    query,
    status,
    loading,
    rows,
    meta: computed(() => props.routers.meta),
    filtered: computed(() => Boolean(props.filters.q || props.filters.status)),
    statusOptions,
    canWrite: computed(() => props.can.write),
    updateQuery,
    setStatus,
    formOpen,
    form,
    errorFor,
    openForm,
    submit,
  }
}
