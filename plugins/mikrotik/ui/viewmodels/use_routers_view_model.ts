import { computed, ref } from 'vue'
import { router as inertia } from '@inertiajs/vue3'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { RouterStatus, RoutersPageProps } from '../models/router'

/** The plugin's own words, in the panel's two languages. */
const TEXT = {
  en: {
    title: 'Routers',
    search: 'Search by name or address',
    allStatuses: 'All statuses',
    empty: 'No routers yet',
    emptyHint: 'Add a MikroTik router through the API to see it here.',
    status: { unknown: 'Not checked', online: 'Online', offline: 'Offline' },
    columns: {
      name: 'Name',
      address: 'Address',
      status: 'Status',
      version: 'RouterOS',
      board: 'Board',
    },
  },
  id: {
    title: 'Router',
    search: 'Cari nama atau alamat',
    allStatuses: 'Semua status',
    empty: 'Belum ada router',
    emptyHint: 'Tambahkan router MikroTik lewat API agar muncul di sini.',
    status: { unknown: 'Belum dicek', online: 'Online', offline: 'Offline' },
    columns: {
      name: 'Nama',
      address: 'Alamat',
      status: 'Status',
      version: 'RouterOS',
      board: 'Board',
    },
  },
} as const

const STATUS_CLASS: Record<RouterStatus, string> = {
  online: 'bg-success/10 text-success',
  offline: 'bg-error/10 text-error',
  unknown: 'bg-elevated text-muted',
}

export function useRoutersViewModel(props: RoutersPageProps) {
  const preferences = usePreferencesStore()
  const text = computed(() => TEXT[preferences.locale] ?? TEXT.id)
  const search = ref(props.filters.q)
  const status = ref<RouterStatus | ''>(props.filters.status)

  const rows = computed(() =>
    props.routers.data.map((router) => ({
      ...router,
      address: `${router.host}:${router.port}${router.tls ? ' (TLS)' : ''}`,
      statusLabel: text.value.status[router.status],
      statusClass: STATUS_CLASS[router.status],
    }))
  )

  /** Filters live in the URL, so a filtered list can be bookmarked and shared. */
  function applyFilters() {
    const query: Record<string, string> = {}
    if (search.value.trim()) query.q = search.value.trim()
    if (status.value) query.status = status.value
    inertia.get('/mikrotik/routers', query, { preserveState: true, replace: true })
  }

  return {
    text,
    search,
    status,
    rows,
    total: computed(() => props.routers.meta.total),
    applyFilters,
  }
}
