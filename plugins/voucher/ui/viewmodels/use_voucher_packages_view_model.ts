import { computed } from 'vue'
import { useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatMoney } from '../../../../resources/lib/format'
import type { TableColumn } from '../../../../resources/models/table'
import { useServerList } from '../../../../resources/viewmodels/use_server_list'
import { useModalEditor } from '../../../../resources/viewmodels/use_modal_editor'
import {
  formatSpeed,
  GIB,
  kbpsToMbps,
  mbpsToKbps,
  type PackagesPageProps,
  type VoucherPackage,
  type VoucherPackageDraft,
} from '../models/voucher'
import { blankToNull, messageOf, numberOrNull } from './form_helpers'

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'voucher.packages.columns.name' },
  { key: 'price', label: 'voucher.packages.columns.price', align: 'end' },
  { key: 'speed', label: 'voucher.packages.columns.speed' },
  { key: 'terms', label: 'voucher.packages.columns.terms' },
  { key: 'voucherCount', label: 'voucher.packages.columns.vouchers', align: 'end' },
  { key: 'active', label: 'voucher.packages.columns.active' },
]

const EMPTY: VoucherPackageDraft = {
  name: '',
  price: null,
  downloadMbps: null,
  uploadMbps: null,
  quotaGb: null,
  durationMinutes: null,
  validityDays: null,
  sharedUsers: 1,
  macLock: false,
  profileName: '',
  hotspotUrl: '',
  active: true,
}

const toDraft = (p: VoucherPackage): VoucherPackageDraft => ({
  name: p.name,
  price: p.price,
  downloadMbps: kbpsToMbps(p.downloadKbps),
  uploadMbps: kbpsToMbps(p.uploadKbps),
  quotaGb: p.quotaBytes === null ? null : Math.round((p.quotaBytes / GIB) * 100) / 100,
  durationMinutes: p.durationMinutes,
  validityDays: p.validityDays,
  sharedUsers: p.sharedUsers,
  macLock: p.macLock,
  profileName: p.profileName,
  hotspotUrl: p.hotspotUrl ?? '',
  active: p.active,
})

/** The editor's Mbps and GB become the API's kbps and bytes; blanks become "none". */
const toInput = ({ downloadMbps, uploadMbps, quotaGb, ...draft }: VoucherPackageDraft) => {
  const quota = numberOrNull(quotaGb)
  return {
    ...draft,
    price: numberOrNull(draft.price),
    downloadKbps: mbpsToKbps(numberOrNull(downloadMbps)),
    uploadKbps: mbpsToKbps(numberOrNull(uploadMbps)),
    quotaBytes: quota === null ? null : Math.round(quota * GIB),
    durationMinutes: numberOrNull(draft.durationMinutes),
    validityDays: numberOrNull(draft.validityDays),
    sharedUsers: numberOrNull(draft.sharedUsers) ?? 1,
    hotspotUrl: blankToNull(draft.hotspotUrl),
  }
}

/** The server names fields in its units; the editor shows them in the operator's. */
const SERVER_FIELD: Partial<Record<keyof VoucherPackageDraft, string>> = {
  downloadMbps: 'downloadKbps',
  uploadMbps: 'uploadKbps',
  quotaGb: 'quotaBytes',
}

/** The voucher price list, with an editor (modal) to add a package or change one. */
export function useVoucherPackagesViewModel(props: PackagesPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const {
    query,
    loading,
    update: updateQuery,
  } = useServerList({
    url: '/voucher-packages',
    only: ['packages'],
    initial: { page: props.packages.meta.page, perPage: props.packages.meta.perPage },
    filters: {},
  })

  /** "3 jam · aktif 1 hari · 2 GB", the way the card prints it. */
  function terms(p: VoucherPackage) {
    const parts: string[] = []
    if (p.durationMinutes) {
      parts.push(
        p.durationMinutes % 60 === 0
          ? t('voucher.packages.hours', { n: p.durationMinutes / 60 })
          : t('voucher.packages.minutes', { n: p.durationMinutes })
      )
    }
    if (p.validityDays) parts.push(t('voucher.packages.validFor', { n: p.validityDays }))
    if (p.quotaBytes) parts.push(`${Math.round((p.quotaBytes / GIB) * 10) / 10} GB`)
    return parts.join(' · ') || t('voucher.packages.unlimited')
  }

  const rows = computed(() =>
    props.packages.data.map((p) => ({
      ...p,
      priceLabel: formatMoney(p.price),
      speed: formatSpeed(p.downloadKbps, p.uploadKbps),
      terms: terms(p),
      activeLabel: p.active ? t('voucher.packages.active') : t('voucher.packages.inactive'),
    }))
  )

  const form = useForm<VoucherPackageDraft>({ ...EMPTY })
  const { editing, formOpen, openNew, openWith, submit } = useModalEditor({
    form,
    empty: EMPTY,
    toDraft,
    toInput,
    url: '/voucher-packages',
    onSaved: () => notify.success(t('voucher.packages.saved')),
  })
  const errorFor = (field: keyof VoucherPackageDraft | 'form') =>
    messageOf(
      form.errors as Record<string, unknown>,
      SERVER_FIELD[field as keyof VoucherPackageDraft] ?? field
    )

  function openEdit(id: string) {
    const found = props.packages.data.find((p) => p.id === id)
    if (found) openWith(found)
  }

  return {
    columns: COLUMNS,
    query,
    loading,
    rows,
    meta: computed(() => props.packages.meta),
    canManage: computed(() => props.can.manage),
    updateQuery,
    editing,
    formOpen,
    form,
    errorFor,
    openNew,
    openEdit,
    submit,
  }
}
