import { computed, ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatMoney } from '../../../../resources/lib/format'
import type { TableColumn } from '../../../../resources/models/table'
import { useServerList } from '../../../../resources/viewmodels/use_server_list'
import { useModalEditor } from '../../../../resources/viewmodels/use_modal_editor'
import {
  bytesToGb,
  formatSpeed,
  gbToBytes,
  kbpsToMbps,
  mbpsToKbps,
  previewRateLimit,
  type PackageDraft,
  type PackagesPageProps,
  type ServicePackage,
} from '../models/package'
import { messageOf } from './form_helpers'

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'customers.packages.columns.name' },
  { key: 'price', label: 'customers.packages.columns.price', align: 'end' },
  { key: 'speed', label: 'customers.packages.columns.speed' },
  { key: 'type', label: 'customers.packages.columns.type' },
  { key: 'subscriptionCount', label: 'customers.packages.columns.subscriptions', align: 'end' },
  { key: 'active', label: 'customers.packages.columns.active' },
]

const EMPTY: PackageDraft = {
  name: '',
  type: 'postpaid_monthly',
  periodDays: null,
  price: null,
  service: 'pppoe',
  downloadMbps: null,
  uploadMbps: null,
  burstEnabled: false,
  burstDownloadMbps: null,
  burstUploadMbps: null,
  thresholdDownloadMbps: null,
  thresholdUploadMbps: null,
  burstSeconds: 16,
  quotaGb: null,
  profileName: '',
  addressPool: '',
  active: true,
}

const toDraft = (p: ServicePackage): PackageDraft => ({
  name: p.name,
  type: p.type,
  periodDays: p.periodDays,
  price: p.price,
  service: p.service,
  downloadMbps: kbpsToMbps(p.downloadKbps),
  uploadMbps: kbpsToMbps(p.uploadKbps),
  burstEnabled: Boolean(p.burst),
  burstDownloadMbps: p.burst ? kbpsToMbps(p.burst.downloadKbps) : null,
  burstUploadMbps: p.burst ? kbpsToMbps(p.burst.uploadKbps) : null,
  thresholdDownloadMbps: p.burst ? kbpsToMbps(p.burst.thresholdDownloadKbps) : null,
  thresholdUploadMbps: p.burst ? kbpsToMbps(p.burst.thresholdUploadKbps) : null,
  burstSeconds: p.burst?.timeSeconds ?? 16,
  quotaGb: p.quotaBytes ? bytesToGb(p.quotaBytes) : null,
  profileName: p.profileName,
  addressPool: p.addressPool ?? '',
  active: p.active,
})

/** The editor's Mbps and GB become the API's kbps and bytes; a postpaid package has no period. */
const toInput = (draft: PackageDraft) => ({
  name: draft.name,
  type: draft.type,
  price: draft.price,
  service: draft.service,
  periodDays: draft.type === 'prepaid_period' ? draft.periodDays : null,
  downloadKbps: mbpsToKbps(draft.downloadMbps),
  uploadKbps: mbpsToKbps(draft.uploadMbps),
  burst: draft.burstEnabled
    ? {
        downloadKbps: mbpsToKbps(draft.burstDownloadMbps),
        uploadKbps: mbpsToKbps(draft.burstUploadMbps),
        thresholdDownloadKbps: mbpsToKbps(draft.thresholdDownloadMbps),
        thresholdUploadKbps: mbpsToKbps(draft.thresholdUploadMbps),
        timeSeconds: draft.burstSeconds,
      }
    : null,
  quotaBytes: gbToBytes(draft.quotaGb) || null,
  profileName: draft.profileName,
  addressPool: draft.addressPool.trim() || null,
  active: draft.active,
})

/** The server names speeds in kbps and the quota in bytes; the editor shows Mbps and GB fields. */
const SERVER_FIELD: Record<string, string> = {
  downloadMbps: 'downloadKbps',
  uploadMbps: 'uploadKbps',
}

/** The price list, with an editor (modal) to add, change or delete a package. */
export function usePackagesViewModel(props: PackagesPageProps) {
  const { t } = useI18n()
  const notify = useNotify()

  const {
    query,
    loading,
    update: updateQuery,
  } = useServerList({
    url: '/packages',
    only: ['packages', 'filters'],
    initial: {
      page: props.packages.meta.page,
      perPage: props.packages.meta.perPage,
      search: props.filters.q,
    },
    filters: {},
  })

  const rows = computed(() =>
    props.packages.data.map((p) => ({
      ...p,
      priceLabel: formatMoney(p.price),
      speed: formatSpeed(p.downloadKbps, p.uploadKbps),
      extras: [
        p.burst
          ? t('customers.packages.burstTo', {
              rate: formatSpeed(p.burst.downloadKbps, p.burst.uploadKbps),
            })
          : null,
        p.quotaBytes ? t('customers.packages.quota', { gb: bytesToGb(p.quotaBytes) }) : null,
      ].filter(Boolean) as string[],
      typeLabel:
        p.type === 'prepaid_period' && p.periodDays
          ? `${t('customers.packages.type.prepaid_period')} · ${t('customers.packages.days', { n: p.periodDays })}`
          : t(`customers.packages.type.${p.type}`),
      serviceLabel: t(`customers.service.${p.service}`),
      activeLabel: p.active ? t('customers.packages.active') : t('customers.packages.inactive'),
    }))
  )

  const form = useForm<PackageDraft>({ ...EMPTY })
  const { editing, formOpen, openNew, openWith, submit } = useModalEditor({
    form,
    empty: EMPTY,
    toDraft,
    toInput,
    url: '/packages',
    onSaved: () => notify.success(t('customers.packages.saved')),
  })
  const errorFor = (field: string) =>
    messageOf(form.errors as Record<string, unknown>, SERVER_FIELD[field] ?? field)
  const rateLimit = computed(() => previewRateLimit(form.data()))

  function openEdit(id: string) {
    const found = props.packages.data.find((p) => p.id === id)
    if (found) openWith(found)
  }

  // Deleting asks first; a package still in use is refused by the server, which says how many use it.
  const deleteOpen = ref(false)
  const deleteBusy = ref(false)
  const deleteError = ref<string | null>(null)
  function askDelete() {
    deleteError.value = null
    deleteOpen.value = true
  }
  function confirmDelete() {
    const target = editing.value
    if (!target) return
    router.delete(`/packages/${target.id}`, {
      preserveScroll: true,
      preserveState: true,
      onStart: () => (deleteBusy.value = true),
      onFinish: () => (deleteBusy.value = false),
      onError: (errors) => (deleteError.value = messageOf(errors, 'form') ?? null),
      onSuccess: () => {
        deleteOpen.value = false
        formOpen.value = false
        notify.success(t('customers.packages.deleted'))
      },
    })
  }
  const deleteDescription = computed(() => {
    const target = editing.value
    if (!target) return ''
    // The server's refusal counts the accounts too; the known count reads in the panel's language.
    if (deleteError.value && !target.subscriptionCount) return deleteError.value
    return target.subscriptionCount
      ? t('customers.packages.deleteInUse', { n: target.subscriptionCount })
      : t('customers.packages.deleteDescription', { name: target.name })
  })

  const typeOptions = computed(() =>
    (['postpaid_monthly', 'prepaid_period'] as const).map((value) => ({
      value,
      label: t(`customers.packages.type.${value}`),
    }))
  )
  const serviceOptions = computed(() =>
    (['pppoe', 'hotspot_member', 'static_ip'] as const).map((value) => ({
      value,
      label: t(`customers.service.${value}`),
    }))
  )

  return {
    columns: COLUMNS,
    query,
    loading,
    rows,
    meta: computed(() => props.packages.meta),
    canManage: computed(() => props.can.managePackages),
    updateQuery,
    editing,
    formOpen,
    form,
    errorFor,
    rateLimit,
    openNew,
    openEdit,
    submit,
    deleteOpen,
    deleteBusy,
    deleteError,
    deleteDescription,
    askDelete,
    confirmDelete,
    typeOptions,
    serviceOptions,
  }
}
