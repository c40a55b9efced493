import { computed, ref } from 'vue'
import { useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../lib/notify'
import type { TableColumn } from '../../models/table'
import { useServerList } from '../use_server_list'
import { TENANT_STATUSES, type NewTenantDraft, type TenantsPageProps } from '../../models/admin'
import { messageOf, useAdminFormat } from './admin_format'

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'admin.tenants.columns.name' },
  { key: 'plan', label: 'admin.tenants.columns.plan' },
  { key: 'status', label: 'admin.tenants.columns.status' },
  { key: 'userCount', label: 'admin.tenants.columns.users', align: 'end' },
  { key: 'created', label: 'admin.tenants.columns.created' },
]

const emptyDraft = (plan: string): NewTenantDraft => ({
  name: '',
  slug: '',
  plan,
  locale: 'id',
  timezone: 'Asia/Jakarta',
  customDomain: '',
  owner: { fullName: '', email: '', password: '' },
})

/** `Alpha Net Bandung` → `alpha-net-bandung`: a slug suggestion until the slug is typed. */
export function slugFrom(name: string) {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

/**
 * Every tenant, searched, filtered and paged by the server (the query lives
 * in the URL); and the "new tenant" form, whose refusals come back beside
 * the fields.
 */
export function useAdminTenantsViewModel(props: TenantsPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const format = useAdminFormat()

  const list = useServerList({
    url: '/admin/tenants',
    only: ['tenants', 'filters'],
    initial: {
      page: props.tenants.meta.page,
      perPage: props.tenants.meta.perPage,
      search: props.filters.q,
    },
    filters: { status: props.filters.status, plan: props.filters.plan },
  })
  const { query, loading, update: updateQuery } = list
  const status = computed(() => list.filters.value.status)
  const plan = computed(() => list.filters.value.plan)
  const setStatus = (next: string) => list.setFilter('status', next)
  const setPlan = (next: string) => list.setFilter('plan', next)

  const planName = (code: string) => props.plans.find((p) => p.code === code)?.name ?? code
  const rows = computed(() =>
    props.tenants.data.map((tenant) => ({
      ...tenant,
      href: `/admin/tenants/${tenant.id}`,
      planName: planName(tenant.plan),
      created: format.date(tenant.createdAt),
    }))
  )
  const filtered = computed(() =>
    Boolean(props.filters.q || props.filters.status || props.filters.plan)
  )
  const statusOptions = computed(() =>
    TENANT_STATUSES.map((value) => ({ value, label: t(`admin.status.${value}`) }))
  )
  const planOptions = computed(() => props.plans.map((p) => ({ value: p.code, label: p.name })))
  const plansOnSale = computed(() =>
    props.plans
      .filter((p) => p.active)
      .map((p) => ({ value: p.code, label: `${p.name} · ${format.money(p.price)}` }))
  )

  const formOpen = ref(false)
  const slugTouched = ref(false)
  const form = useForm<NewTenantDraft>(emptyDraft(props.plans.find((p) => p.active)?.code ?? ''))
  const errorFor = (field: string) => messageOf(form.errors as Record<string, unknown>, field)

  function openForm() {
    form.reset()
    form.clearErrors()
    slugTouched.value = false
    formOpen.value = true
  }

  function setName(name: string) {
    form.name = name
    if (!slugTouched.value) form.slug = slugFrom(name)
  }

  function setSlug(slug: string) {
    slugTouched.value = true
    form.slug = slug
  }

  function submit() {
    form
      .transform((draft) => ({
        ...draft,
        customDomain: draft.customDomain.trim() || undefined,
      }))
      .post('/admin/tenants', {
        preserveScroll: true,
        onSuccess: () => {
          formOpen.value = false
          notify.success(t('admin.tenants.created'))
        },
      })
  }

  return {
    columns: COLUMNS,
    query,
    status,
    plan,
    loading,
    rows,
    meta: computed(() => props.tenants.meta),
    filtered,
    statusOptions,
    planOptions,
    plansOnSale,
    updateQuery,
    setStatus,
    setPlan,
    formOpen,
    form,
    errorFor,
    openForm,
    setName,
    setSlug,
    submit,
  }
}
