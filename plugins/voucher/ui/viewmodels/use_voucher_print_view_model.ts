import { computed, ref } from 'vue'
import { router } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatMoney } from '../../../../resources/lib/format'
import type { CardTemplate, PrintPageProps } from '../models/voucher'

/** Print preview: the server renders the cards; the page switches template and offers the files. */
export function useVoucherPrintViewModel(props: PrintPageProps) {
  const { t } = useI18n()

  function setTemplate(template: CardTemplate) {
    router.get(
      `/voucher-batches/${props.batch.id}/print`,
      { template },
      { preserveScroll: true, replace: true }
    )
  }

  // The PDF loads only when asked for: phones seldom show a PDF inside a page.
  const showPdf = ref(false)

  return {
    showPdf,
    cards: computed(() => props.cards),
    title: computed(() => props.title),
    thermal: computed(() => props.template === 'thermal58'),
    more: computed(() => Math.max(props.batch.count - props.cards.length, 0)),
    pdfUrl: computed(() => props.pdfUrl),
    downloadName: computed(() => `voucher-${props.batch.id.slice(0, 8)}-${props.template}.pdf`),
    csvUrl: computed(() => props.csvUrl),
    template: computed(() => props.template),
    summary: computed(() =>
      t('voucher.print.summary', {
        count: props.batch.count,
        package: props.batch.package.name,
        price: formatMoney(props.batch.price),
      })
    ),
    backHref: `/vouchers?batchId=${props.batch.id}`,
    templateOptions: computed(() =>
      (['a4', 'thermal58'] as const).map((value) => ({
        value,
        label: t(`voucher.template.${value}`),
      }))
    ),
    setTemplate,
  }
}
