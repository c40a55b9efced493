import { computed, ref } from 'vue'
import { useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import type { TableColumn } from '../../../../resources/models/table'
import { useServerList } from '../../../../resources/viewmodels/use_server_list'
import { BADGE, type CustomerDraft, type CustomersPageProps } from '../models/customer'
import { categoryLabel } from '../models/labels'
import { messageOf, withoutBlanks } from './form_helpers'

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'customers.list.columns.name' },
  { key: 'phone', label: 'customers.list.columns.phone' },
  { key: 'category', label: 'customers.list.columns.category' },
  { key: 'status', label: 'customers.list.columns.status' },
  { key: 'accounts', label: 'customers.list.columns.accounts' },
]

const EMPTY: CustomerDraft = {
  name: '',
  phone: '',
  email: '',
  address: '',
  identityNumber: '',
  notes: '',
}

type FilterKey = 'status' | 'category' | 'packageId'

/**
 * The customer list: search, filters (status, category, package) and pages
 * live in the URL and are answered by the server; the "add customer" form
 * posts to the panel and shows the server's messages beside the fields.
 */
export function useCustomersViewModel(props: CustomersPageProps) {
  const { t } = useI18n()
  const notify = useNotify()

  const list = useServerList({
    url: '/customers',
    only: ['customers', 'filters'],
    initial: {
      page: props.customers.meta.page,
      perPage: props.customers.meta.perPage,
      search: props.filters.q,
    },
    filters: {
      status: props.filters.status,
      category: props.filters.category,
      packageId: props.filters.packageId,
    } as Record<FilterKey, string>,
  })
  const { query, filters, loading, update: updateQuery } = list
  const setFilter = (key: FilterKey, value: string) => list.setFilter(key, value)

  const rows = computed(() =>
    props.customers.data.map((customer) => ({
      ...customer,
      href: `/customers/${customer.id}`,
      badge: BADGE[customer.status],
      statusLabel: t(`customers.status.${customer.status}`),
      categoryLabel: categoryLabel(t, props.categories, customer.category),
      accounts: customer.usernames.join(', ') || '—',
    }))
  )
  const filtered = computed(() =>
    Boolean(
      props.filters.q || props.filters.status || props.filters.category || props.filters.packageId
    )
  )
  const statusOptions = computed(() =>
    (['active', 'isolated', 'terminated'] as const).map((value) => ({
      value,
      label: t(`customers.status.${value}`),
    }))
  )
  const categoryOptions = computed(() =>
    props.categories.map((c) => ({
      value: c.name,
      label: categoryLabel(t, props.categories, c.name),
    }))
  )
  const packageOptions = computed(() => props.packages.map((p) => ({ value: p.id, label: p.name })))

  /** The export takes the whole list (filters do not apply), as the import expects it back. */
  const exportHref = '/customers/export.csv'

  const formOpen = ref(false)
  const form = useForm<CustomerDraft>({ ...EMPTY })
  const errorFor = (field: keyof CustomerDraft | 'form') =>
    messageOf(form.errors as Record<string, unknown>, field)

  function openForm() {
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function submit() {
    form
      .transform((draft) => withoutBlanks(draft))
      .post('/customers', {
        preserveState: true,
        preserveScroll: true,
        onSuccess: () => {
          formOpen.value = false
          form.reset()
          notify.success(t('customers.form.saved'))
        },
      })
  }

  return {
    columns: COLUMNS,
    query,
    filters,
    loading,
    rows,
    meta: computed(() => props.customers.meta),
    filtered,
    statusOptions,
    categoryOptions,
    packageOptions,
    exportHref,
    canWrite: computed(() => props.can.write),
    updateQuery,
    setFilter,
    formOpen,
    form,
    errorFor,
    openForm,
    submit,
  }
}
