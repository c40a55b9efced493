import { computed, ref } from 'vue'
import { router } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatDate } from '../../../../resources/lib/format'
import type { Locale } from '../../../../resources/models/panel'
import type { TableColumn } from '../../../../resources/models/table'
import { useServerList } from '../../../../resources/viewmodels/use_server_list'
import {
  VOUCHER_BADGE,
  type Voucher,
  type VoucherFilters,
  type VouchersPageProps,
  type VoucherStatus,
} from '../models/voucher'

const COLUMNS: TableColumn[] = [
  { key: 'username', label: 'voucher.list.columns.code' },
  { key: 'package', label: 'voucher.list.columns.package' },
  { key: 'status', label: 'voucher.list.columns.status' },
  { key: 'firstLoginAt', label: 'voucher.list.columns.firstLogin' },
  { key: 'actions', label: 'voucher.list.columns.actions' },
]

const STATUSES: VoucherStatus[] = ['unused', 'active', 'used', 'expired', 'disabled']

/**
 * The voucher list: filters and page live in the URL and are answered by the
 * server; disabling, enabling and deleting post to the panel and the list
 * reloads in place.
 */
export function useVouchersViewModel(props: VouchersPageProps) {
  const { t, locale } = useI18n()
  const notify = useNotify()
  const list = useServerList({
    url: '/vouchers',
    only: ['vouchers', 'filters'],
    initial: {
      page: props.vouchers.meta.page,
      perPage: props.vouchers.meta.perPage,
      search: props.filters.q,
    },
    filters: { ...props.filters } as VoucherFilters,
  })
  const { query, filters, loading, update: updateQuery, setFilter } = list

  const when = (value: string | null) =>
    value
      ? formatDate(value, {
          locale: locale.value as Locale,
          timeZone: props.timezone,
          withTime: true,
        })
      : '—'

  const rows = computed(() =>
    props.vouchers.data.map((voucher) => ({
      ...voucher,
      badge: VOUCHER_BADGE[voucher.status],
      statusLabel: t(`voucher.status.${voucher.status}`),
      firstLogin: when(voucher.firstLoginAt),
      expires: voucher.expiresAt ? t('voucher.list.until', { date: when(voucher.expiresAt) }) : '',
      showPassword: voucher.password !== voucher.username,
    }))
  )

  const statusOptions = computed(() =>
    STATUSES.map((value) => ({ value, label: t(`voucher.status.${value}`) }))
  )
  const packageOptions = computed(() => props.packages.map((p) => ({ value: p.id, label: p.name })))
  const batchOptions = computed(() =>
    props.batches.map((b) => ({
      value: b.id,
      label: `${formatDate(b.createdAt, { locale: locale.value as Locale, timeZone: props.timezone, withTime: true })} · ${b.packageName} · ${b.count}`,
    }))
  )
  const filtered = computed(() =>
    Object.values(props.filters).some((value) => value !== '' && value !== undefined)
  )

  // Deleting asks first: a deleted code is gone from the printed cards' stack for good.
  const deleting = ref<Voucher | null>(null)
  const confirmOpen = ref(false)
  const busy = ref(false)

  function setDisabled(voucher: Voucher, disabled: boolean) {
    router.patch(
      `/vouchers/${voucher.id}`,
      { disabled },
      {
        preserveScroll: true,
        preserveState: true,
        onSuccess: () =>
          notify.success(
            t(disabled ? 'voucher.list.disabled' : 'voucher.list.enabled', {
              code: voucher.username,
            })
          ),
      }
    )
  }

  function askDelete(voucher: Voucher) {
    deleting.value = voucher
    confirmOpen.value = true
  }

  function confirmDelete() {
    if (!deleting.value) return
    const code = deleting.value.username
    router.delete(`/vouchers/${deleting.value.id}`, {
      preserveScroll: true,
      preserveState: true,
      onStart: () => (busy.value = true),
      onFinish: () => (busy.value = false),
      onSuccess: (page) => {
        confirmOpen.value = false
        const refused = (page.props.errors as Record<string, string> | undefined)?.form
        if (refused) notify.error(refused)
        else notify.success(t('voucher.list.deleted', { code }))
      },
    })
  }

  return {
    columns: COLUMNS,
    query,
    filters,
    loading,
    rows,
    meta: computed(() => props.vouchers.meta),
    filtered,
    statusOptions,
    packageOptions,
    batchOptions,
    canManage: computed(() => props.can.manage),
    printHref: computed(() =>
      props.filters.batchId ? `/voucher-batches/${props.filters.batchId}/print` : null
    ),
    updateQuery,
    setFilter,
    setDisabled,
    deleting,
    confirmOpen,
    busy,
    askDelete,
    confirmDelete,
  }
}
