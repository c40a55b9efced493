import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate, formatMoney } from '../../../../resources/lib/format'
import type { Locale } from '../../../../resources/models/panel'
import type { TableColumn } from '../../../../resources/models/table'
import { useServerList } from '../../../../resources/viewmodels/use_server_list'
import type { BatchDraft, BatchesPageProps, Charset, VoucherBatch } from '../models/voucher'
import { messageOf, numberOrNull } from './form_helpers'

const COLUMNS: TableColumn[] = [
  { key: 'createdAt', label: 'voucher.batches.columns.created' },
  { key: 'package', label: 'voucher.batches.columns.package' },
  { key: 'count', label: 'voucher.batches.columns.count', align: 'end' },
  { key: 'sold', label: 'voucher.batches.columns.sold' },
  { key: 'delivery', label: 'voucher.batches.columns.delivery' },
  { key: 'actions', label: 'voucher.batches.columns.actions' },
]

const CHARSETS: Charset[] = ['numeric', 'upper', 'alnum']

/**
 * The batch list and the generator. The generator posts to the panel; the
 * server's refusals (count 0 or over the limit, a charset too small for the
 * length) come back beside their fields and the modal stays open.
 */
export function useVoucherBatchesViewModel(props: BatchesPageProps) {
  const { t, locale } = useI18n()
  const {
    query,
    loading,
    update: updateQuery,
  } = useServerList({
    url: '/voucher-batches',
    only: ['batches'],
    initial: { page: props.batches.meta.page, perPage: props.batches.meta.perPage },
    filters: {},
  })

  function pushLabel(batch: VoucherBatch) {
    if (batch.delivery === 'radius') return t('voucher.delivery.radius')
    const routerName = props.routers.find((r) => r.id === batch.routerId)?.name ?? '—'
    if (!batch.push) return `${t('voucher.delivery.push')} · ${routerName}`
    const state = t(`voucher.push.${batch.push.state}`)
    return `${routerName} · ${state} ${batch.push.done}/${batch.push.total}`
  }

  const rows = computed(() =>
    props.batches.data.map((batch) => {
      const sold = batch.byStatus.active + batch.byStatus.used + batch.byStatus.expired
      return {
        ...batch,
        created: formatDate(batch.createdAt, { locale: locale.value as Locale, withTime: true }),
        packageLabel: `${batch.package.name} · ${formatMoney(batch.price)}`,
        shape: `${batch.prefix}${'•'.repeat(batch.length)} · ${t(`voucher.charset.${batch.charset}`)}`,
        soldLabel: t('voucher.batches.soldOf', { sold, count: batch.count }),
        soldPercent: batch.count ? Math.round((sold / batch.count) * 100) : 0,
        deliveryLabel: pushLabel(batch),
        pushFailed: batch.push?.state === 'failed',
        href: `/vouchers?batchId=${batch.id}`,
        printHref: `/voucher-batches/${batch.id}/print`,
      }
    })
  )

  // While a push is on its way to a router, its progress is asked for again every few seconds.
  const pushing = computed(() =>
    props.batches.data.some((b) => b.push && !['completed', 'failed'].includes(b.push.state))
  )
  let poll: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    poll = setInterval(() => {
      if (pushing.value && !formOpen.value) router.reload({ only: ['batches'] })
    }, 3000)
  })
  onBeforeUnmount(() => clearInterval(poll))

  const empty = (): BatchDraft => ({
    packageId: props.packages[0]?.id ?? '',
    count: 50,
    prefix: '',
    charset: 'alnum',
    length: 6,
    mode: 'code',
    delivery: props.settings.delivery,
    routerId: props.settings.defaultRouterId ?? '',
  })
  const formOpen = ref(false)
  const form = useForm<BatchDraft>(empty())
  const errorFor = (field: keyof BatchDraft | 'form') =>
    messageOf(form.errors as Record<string, unknown>, field)

  function openGenerator() {
    form.defaults(empty())
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function submit() {
    form
      .transform((draft) => ({
        ...draft,
        count: numberOrNull(draft.count),
        length: numberOrNull(draft.length),
        prefix: draft.prefix.trim().toUpperCase(),
        routerId: draft.delivery === 'push' ? draft.routerId || null : null,
      }))
      .post('/voucher-batches', { preserveScroll: true })
  }

  const packageOptions = computed(() =>
    props.packages.map((p) => ({ value: p.id, label: `${p.name} · ${formatMoney(p.price)}` }))
  )
  const routerOptions = computed(() => props.routers.map((r) => ({ value: r.id, label: r.name })))
  const charsetOptions = computed(() =>
    CHARSETS.map((value) => ({
      value,
      label: `${t(`voucher.charset.${value}`)} (${props.limits.charsets[value]})`,
    }))
  )
  const modeOptions = computed(() =>
    (['code', 'user_pass'] as const).map((value) => ({ value, label: t(`voucher.mode.${value}`) }))
  )
  const deliveryOptions = computed(() =>
    (['radius', 'push'] as const).map((value) => ({
      value,
      label: t(`voucher.delivery.${value}`),
    }))
  )

  return {
    columns: COLUMNS,
    query,
    loading,
    rows,
    meta: computed(() => props.batches.meta),
    canManage: computed(() => props.can.manage),
    hasPackages: computed(() => props.packages.length > 0),
    maxBatch: props.limits.maxBatch,
    updateQuery,
    formOpen,
    form,
    errorFor,
    openGenerator,
    submit,
    packageOptions,
    routerOptions,
    charsetOptions,
    modeOptions,
    deliveryOptions,
  }
}
