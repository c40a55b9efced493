import { computed, ref } from 'vue'
import { router, useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatDate } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import { BADGE, type CustomerDraft, type CustomerPageProps } from '../models/customer'
import { describeActivity } from '../models/activity'
import { categoryLabel } from '../models/labels'
import { messageOf } from './form_helpers'
import { useSubscriptionForms } from './use_subscription_forms'
import { useCustomerDocuments } from './use_customer_documents'

/**
 * One customer: the profile and its edit form, removal (termination), the
 * accounts with their forms, the documents and the activity trail.
 */
export function useCustomerViewModel(props: CustomerPageProps) {
  const { t, te } = useI18n()
  const notify = useNotify()
  const preferences = usePreferencesStore()
  const page = usePage<SharedProps>()
  const date = (value: string | null, withTime = false) =>
    value
      ? formatDate(value, {
          locale: preferences.locale,
          timeZone: page.props.tenant?.timezone,
          withTime,
        })
      : '—'

  const profile = computed(() => {
    const c = props.customer
    return [
      { key: 'phone', label: t('customers.form.phone'), value: c.phone },
      { key: 'email', label: t('customers.form.email'), value: c.email },
      { key: 'address', label: t('customers.form.address'), value: c.address },
      { key: 'identityNumber', label: t('customers.form.identityNumber'), value: c.identityNumber },
      {
        key: 'category',
        label: t('customers.detail.category'),
        value: categoryLabel(t, props.categories, c.category),
      },
      {
        key: 'since',
        label: t('customers.detail.since'),
        value: c.createdByName ? `${date(c.createdAt)} · ${c.createdByName}` : date(c.createdAt),
      },
      {
        key: 'updated',
        label: t('customers.detail.updated'),
        value: c.updatedAt
          ? `${date(c.updatedAt, true)}${c.updatedByName ? ` · ${c.updatedByName}` : ''}`
          : null,
      },
      { key: 'notes', label: t('customers.form.notes'), value: c.notes },
    ].map((item) => ({ ...item, value: item.value || '—' }))
  })

  const subscriptions = computed(() =>
    props.subscriptions.map((s) => ({
      ...s,
      badge: BADGE[s.status],
      statusLabel: t(`customers.status.${s.status}`),
      serviceLabel: t(`customers.service.${s.serviceType}`),
      started: date(s.startDate),
      expires: s.expiresAt ? date(s.expiresAt) : null,
    }))
  )
  const liveSubscriptions = computed(() =>
    props.subscriptions.filter((s) => s.status !== 'terminated')
  )

  // Edit the customer's profile.
  const editOpen = ref(false)
  const editForm = useForm<CustomerDraft>({
    name: '',
    phone: '',
    email: '',
    address: '',
    identityNumber: '',
    notes: '',
    category: 'regular',
    status: 'active',
  })
  const editErrorFor = (field: keyof CustomerDraft | 'form') =>
    messageOf(editForm.errors as Record<string, unknown>, field)
  const categoryOptions = computed(() =>
    props.categories.map((c) => ({
      value: c.name,
      label: categoryLabel(t, props.categories, c.name),
    }))
  )
  /** Terminating goes through "Remove", which explains what happens to the accounts; here a terminated customer can come back. */
  const customerStatusOptions = computed(() =>
    (props.customer.status === 'terminated'
      ? (['active', 'isolated', 'terminated'] as const)
      : (['active', 'isolated'] as const)
    ).map((value) => ({ value, label: t(`customers.status.${value}`) }))
  )

  function openEdit() {
    const c = props.customer
    editForm.defaults({
      name: c.name,
      phone: c.phone ?? '',
      email: c.email ?? '',
      address: c.address ?? '',
      identityNumber: c.identityNumber ?? '',
      notes: c.notes ?? '',
      category: c.category,
      status: c.status,
    })
    editForm.reset()
    editForm.clearErrors()
    editOpen.value = true
  }

  /** Emptied fields are cleared on the server (null), not left as they were. */
  function submitEdit() {
    editForm
      .transform((draft) => ({
        ...Object.fromEntries(
          Object.entries(draft).map(([key, value]) => [key, value === '' ? null : value])
        ),
        name: draft.name,
        status: draft.status === props.customer.status ? undefined : draft.status,
      }))
      .patch(`/customers/${props.customer.id}`, {
        preserveState: true,
        preserveScroll: true,
        onSuccess: () => {
          editOpen.value = false
          notify.success(t('customers.edit.saved'))
        },
      })
  }

  // Remove = terminate; the dialog names the accounts that go with the customer.
  const removeOpen = ref(false)
  const removeBusy = ref(false)
  const removeError = ref<string | null>(null)
  const removeDescription = computed(() => {
    const live = liveSubscriptions.value
    if (!live.length) return t('customers.remove.description')
    return t('customers.remove.withAccounts', {
      n: live.length,
      accounts: live.map((s) => s.username).join(', '),
    })
  })
  function askRemove() {
    removeError.value = null
    removeOpen.value = true
  }
  function confirmRemove() {
    router.delete(`/customers/${props.customer.id}`, {
      data: { withSubscriptions: liveSubscriptions.value.length > 0 },
      preserveScroll: true,
      onStart: () => (removeBusy.value = true),
      onFinish: () => (removeBusy.value = false),
      onError: (errors) => (removeError.value = messageOf(errors, 'form') ?? null),
      onSuccess: () => {
        removeOpen.value = false
        notify.success(t('customers.remove.done'))
      },
    })
  }

  const activity = computed(() =>
    props.activity.data.map((entry) => {
      const line = describeActivity(entry, t, te)
      return { ...line, when: date(line.createdAt, true) }
    })
  )
  function activityPage(next: number) {
    router.get(
      `/customers/${props.customer.id}`,
      { page: next },
      { only: ['activity'], preserveState: true, preserveScroll: true, replace: true }
    )
  }

  return {
    customer: computed(() => props.customer),
    badge: computed(() => BADGE[props.customer.status]),
    statusLabel: computed(() => t(`customers.status.${props.customer.status}`)),
    terminated: computed(() => props.customer.status === 'terminated'),
    profile,
    subscriptions,
    canWrite: computed(() => props.can.write),
    editOpen,
    editForm,
    editErrorFor,
    categoryOptions,
    customerStatusOptions,
    openEdit,
    submitEdit,
    removeOpen,
    removeBusy,
    removeError,
    removeDescription,
    askRemove,
    confirmRemove,
    activity,
    activityMeta: computed(() => props.activity.meta),
    activityPage,
    accounts: useSubscriptionForms(props),
    documents: useCustomerDocuments(props),
  }
}
