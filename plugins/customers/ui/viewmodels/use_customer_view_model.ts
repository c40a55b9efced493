import { computed, ref } from 'vue'
import { useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatDate, formatMoney } from '../../../../resources/lib/format'
import { usePreferencesStore } from '../../../../resources/stores/preferences_store'
import type { SharedProps } from '../../../../resources/models/panel'
import { BADGE, type CustomerPageProps, type SubscriptionDraft } from '../models/customer'
import { formatSpeed } from '../models/package'
import { messageOf, withoutBlanks } from './form_helpers'

/**
 * One customer: their profile, their accounts with status, and the form that
 * opens a new account on a package (the password is generated when left blank).
 */
export function useCustomerViewModel(props: CustomerPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const preferences = usePreferencesStore()
  const page = usePage<SharedProps>()
  const date = (value: string | null) =>
    value
      ? formatDate(value, { locale: preferences.locale, timeZone: page.props.tenant?.timezone })
      : '—'

  const profile = computed(() => {
    const c = props.customer
    return [
      { key: 'phone', label: t('customers.form.phone'), value: c.phone },
      { key: 'email', label: t('customers.form.email'), value: c.email },
      { key: 'address', label: t('customers.form.address'), value: c.address },
      { key: 'identityNumber', label: t('customers.form.identityNumber'), value: c.identityNumber },
      { key: 'category', label: t('customers.detail.category'), value: c.category },
      { key: 'since', label: t('customers.detail.since'), value: date(c.createdAt) },
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
    }))
  )

  const packageOptions = computed(() =>
    props.packages.map((p) => ({
      value: p.id,
      label: `${p.name} · ${formatSpeed(p.downloadKbps, p.uploadKbps)} · ${formatMoney(p.price)}`,
    }))
  )

  const formOpen = ref(false)
  const form = useForm<SubscriptionDraft>({ packageId: '', username: '', password: '' })
  const errorFor = (field: keyof SubscriptionDraft | 'form') =>
    messageOf(form.errors as Record<string, unknown>, field)

  function openForm() {
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function submit() {
    form
      .transform((draft) => withoutBlanks(draft))
      .post(`/customers/${props.customer.id}/subscriptions`, {
        preserveState: true,
        preserveScroll: true,
        onSuccess: () => {
          formOpen.value = false
          form.reset()
          notify.success(t('customers.subscription.saved'))
        },
      })
  }

  return {
    customer: computed(() => props.customer),
    badge: computed(() => BADGE[props.customer.status]),
    statusLabel: computed(() => t(`customers.status.${props.customer.status}`)),
    profile,
    subscriptions,
    packageOptions,
    canWrite: computed(() => props.can.write),
    formOpen,
    form,
    errorFor,
    openForm,
    submit,
  }
}
