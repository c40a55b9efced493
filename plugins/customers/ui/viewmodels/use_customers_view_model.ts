import { computed, ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import type { TableColumn, TableQuery } from '../../../../resources/models/table'
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

  const query = ref<TableQuery>({
    page: props.customers.meta.page,
    perPage: props.customers.meta.perPage,
    search: props.filters.q,
  })
  const filters = ref<Record<FilterKey, string>>({
    status: props.filters.status,
    category: props.filters.category,
    packageId: props.filters.packageId,
  })
  const loading = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  const params = () => {
    const { page, search } = query.value
    const { status, category, packageId } = filters.value
    return {
      q: search?.trim() || undefined,
      status: status || undefined,
      category: category || undefined,
      packageId: packageId || undefined,
      page,
    }
  }

  function load() {
    router.get('/customers', params(), {
      only: ['customers', 'filters'],
      preserveState: true,
      preserveScroll: true,
      replace: true,
      onStart: () => (loading.value = true),
      onFinish: () => (loading.value = false),
    })
  }

  /** Typing waits for a pause before asking the server; paging asks at once. */
  function updateQuery(next: TableQuery) {
    const searchChanged = next.search !== query.value.search
    query.value = next
    clearTimeout(timer)
    if (searchChanged) timer = setTimeout(load, 300)
    else load()
  }

  function setFilter(key: FilterKey, value: string) {
    filters.value = { ...filters.value, [key]: value }
    query.value = { ...query.value, page: 1 }
    load()
  }

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
