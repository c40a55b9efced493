import { computed, ref } from 'vue'
import { useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import type { Status, TableColumn } from '../../../../resources/models/table'
import {
  EMPTY_ROUTER_DRAFT,
  routerPayload,
  type RouterDraft,
  type RouterStatus,
  type RoutersPageProps,
} from '../models/router'
import { useServerList } from '../../../../resources/viewmodels/use_server_list'
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

  // Filters live in the URL, so a filtered list can be bookmarked and shared.
  const list = useServerList({
    url: '/mikrotik/routers',
    only: ['routers', 'filters'],
    initial: {
      page: props.routers.meta.page,
      perPage: props.routers.meta.perPage,
      search: props.filters.q,
    },
    filters: { status: props.filters.status as RouterStatus | '' },
  })
  const { query, loading, update: updateQuery } = list
  const status = computed(() => list.filters.value.status)
  const setStatus = (next: string) => list.setFilter('status', next as RouterStatus | '')

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
