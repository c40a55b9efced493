import { computed, ref } from 'vue'
import { router } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate, formatMoney } from '../../../../resources/lib/format'
import type { Locale } from '../../../../resources/models/panel'
import type { SalesGrouping, SalesLine, SalesPageProps } from '../models/voucher'

/** Sales by day, package or router over a period; the CSV is the same report as a file. */
export function useVoucherSalesViewModel(props: SalesPageProps) {
  const { t, locale } = useI18n()
  const from = ref(props.report.from)
  const to = ref(props.report.to)
  const groupBy = ref<SalesGrouping>(props.report.groupBy)
  const loading = ref(false)

  function load() {
    router.get(
      '/voucher-reports',
      { from: from.value, to: to.value, groupBy: groupBy.value },
      {
        preserveState: true,
        replace: true,
        onStart: () => (loading.value = true),
        onFinish: () => (loading.value = false),
      }
    )
  }

  function label(line: SalesLine) {
    if (line.day)
      return formatDate(`${line.day}T12:00:00Z`, {
        locale: locale.value as Locale,
        timeZone: 'UTC',
      })
    if (line.package) return line.package.name
    return line.router ?? t('voucher.sales.unknownRouter')
  }

  const rows = computed(() =>
    props.report.data.map((line) => ({
      key: line.day ?? line.package?.id ?? line.router ?? '-',
      label: label(line),
      count: line.count,
      amount: formatMoney(line.amount),
    }))
  )

  const csvUrl = computed(
    () =>
      `/voucher-reports/sales.csv?${new URLSearchParams({
        from: props.report.from,
        to: props.report.to,
        groupBy: props.report.groupBy,
      })}`
  )

  return {
    from,
    to,
    groupBy,
    loading,
    rows,
    csvUrl,
    total: computed(() => ({
      count: props.report.total.count,
      amount: formatMoney(props.report.total.amount),
    })),
    rangeError: computed(() => (props.rangeError ? t('voucher.sales.rangeError') : null)),
    groupOptions: computed(() =>
      (['day', 'package', 'router'] as const).map((value) => ({
        value,
        label: t(`voucher.sales.by.${value}`),
      }))
    ),
    groupHeader: computed(() => t(`voucher.sales.by.${props.report.groupBy}`)),
    load,
  }
}
