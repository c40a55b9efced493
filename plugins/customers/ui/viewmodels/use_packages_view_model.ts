import { computed, ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatMoney } from '../../../../resources/lib/format'
import type { TableColumn, TableQuery } from '../../../../resources/models/table'
import {
  formatSpeed,
  kbpsToMbps,
  mbpsToKbps,
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
  profileName: p.profileName,
  addressPool: p.addressPool ?? '',
  active: p.active,
})

/** The editor's Mbps become the API's kbps; a postpaid package has no period. */
const toInput = ({ downloadMbps, uploadMbps, ...draft }: PackageDraft) => ({
  ...draft,
  periodDays: draft.type === 'prepaid_period' ? draft.periodDays : null,
  downloadKbps: mbpsToKbps(downloadMbps),
  uploadKbps: mbpsToKbps(uploadMbps),
  addressPool: draft.addressPool.trim() || null,
})

/** The server names speeds in kbps; the editor shows them as Mbps fields. */
const SERVER_FIELD: Partial<Record<keyof PackageDraft, string>> = {
  downloadMbps: 'downloadKbps',
  uploadMbps: 'uploadKbps',
}

/** The price list, with an editor (modal) to add a package or change one. */
export function usePackagesViewModel(props: PackagesPageProps) {
  const { t } = useI18n()
  const notify = useNotify()

  const query = ref<TableQuery>({
    page: props.packages.meta.page,
    perPage: props.packages.meta.perPage,
    search: props.filters.q,
  })
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  function load() {
    const { page, search } = query.value
    router.get(
      '/packages',
      { q: search?.trim() || undefined, page },
      {
        only: ['packages', 'filters'],
        preserveState: true,
        preserveScroll: true,
        replace: true,
        onStart: () => (loading.value = true),
        onFinish: () => (loading.value = false),
      }
    )
  }

  function updateQuery(next: TableQuery) {
    const searchChanged = next.search !== query.value.search
    query.value = next
    clearTimeout(timer)
    if (searchChanged) timer = setTimeout(load, 300)
    else load()
  }

  const rows = computed(() =>
    props.packages.data.map((p) => ({
      ...p,
      priceLabel: formatMoney(p.price),
      speed: formatSpeed(p.downloadKbps, p.uploadKbps),
      typeLabel:
        p.type === 'prepaid_period' && p.periodDays
          ? `${t('customers.packages.type.prepaid_period')} · ${t('customers.packages.days', { n: p.periodDays })}`
          : t(`customers.packages.type.${p.type}`),
      serviceLabel: t(`customers.service.${p.service}`),
      activeLabel: p.active ? t('customers.packages.active') : t('customers.packages.inactive'),
    }))
  )

  const editing = ref<ServicePackage | null>(null)
  const formOpen = ref(false)
  const form = useForm<PackageDraft>({ ...EMPTY })
  const errorFor = (field: keyof PackageDraft | 'form') =>
    messageOf(
      form.errors as Record<string, unknown>,
      SERVER_FIELD[field as keyof PackageDraft] ?? field
    )

  function openNew() {
    editing.value = null
    form.defaults({ ...EMPTY })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function openEdit(id: string) {
    const found = props.packages.data.find((p) => p.id === id)
    if (!found) return
    editing.value = found
    form.defaults(toDraft(found))
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function submit() {
    const options = {
      preserveState: true,
      preserveScroll: true,
      onSuccess: () => {
        formOpen.value = false
        notify.success(t('customers.packages.saved'))
      },
    }
    const sending = form.transform(toInput)
    if (editing.value) sending.patch(`/packages/${editing.value.id}`, options)
    else sending.post('/packages', options)
  }

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
    openNew,
    openEdit,
    submit,
    typeOptions,
    serviceOptions,
  }
}
