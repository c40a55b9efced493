import { computed, ref, type Ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { formatMoney } from '../../../../resources/lib/format'
import type {
  CustomerPageProps,
  Subscription,
  SubscriptionDraft,
  SubscriptionEditDraft,
} from '../models/customer'
import { formatSpeed } from '../models/package'
import { messageOf, withoutBlanks } from './form_helpers'

/**
 * The account forms of a customer's page: open a new account on a package,
 * change one (package, status, password, MAC binding, static IP) and reveal
 * its password, which the server audits and hands back once.
 */
export function useSubscriptionForms(props: CustomerPageProps) {
  const { t } = useI18n()
  const notify = useNotify()

  const packageLabel = (p: CustomerPageProps['packages'][number]) =>
    `${p.name} · ${formatSpeed(p.downloadKbps, p.uploadKbps)} · ${formatMoney(p.price)}`

  /** New accounts go on packages still sold. */
  const packageOptions = computed(() =>
    props.packages.filter((p) => p.active).map((p) => ({ value: p.id, label: packageLabel(p) }))
  )

  const addOpen = ref(false)
  const addForm = useForm<SubscriptionDraft>({ packageId: '', username: '', password: '' })
  const addErrorFor = (field: keyof SubscriptionDraft | 'form') =>
    messageOf(addForm.errors as Record<string, unknown>, field)

  function openAdd() {
    addForm.reset()
    addForm.clearErrors()
    addOpen.value = true
  }

  function submitAdd() {
    addForm
      .transform((draft) => withoutBlanks(draft))
      .post(`/customers/${props.customer.id}/subscriptions`, {
        preserveState: true,
        preserveScroll: true,
        onSuccess: () => {
          addOpen.value = false
          addForm.reset()
          notify.success(t('customers.subscription.saved'))
        },
      })
  }

  const editing: Ref<Subscription | null> = ref(null)
  const editOpen = ref(false)
  const editForm = useForm<SubscriptionEditDraft>({
    packageId: '',
    status: 'active',
    password: '',
    macAddress: '',
    staticIp: '',
    isolationReason: '',
  })
  const editErrorFor = (field: keyof SubscriptionEditDraft | 'form') =>
    messageOf(editForm.errors as Record<string, unknown>, field)

  /** Same service only (a PPPoE account cannot move to a hotspot package); the current one even if no longer sold. */
  const editPackageOptions = computed(() => {
    const current = editing.value
    if (!current) return []
    return props.packages
      .filter((p) => p.service === current.serviceType && (p.active || p.id === current.packageId))
      .map((p) => ({ value: p.id, label: packageLabel(p) }))
  })
  const statusOptions = computed(() =>
    (['active', 'isolated', 'expired', 'terminated'] as const).map((value) => ({
      value,
      label: t(`customers.status.${value}`),
    }))
  )

  function openEdit(subscription: Subscription) {
    editing.value = subscription
    editForm.defaults({
      packageId: subscription.packageId,
      status: subscription.status,
      password: '',
      macAddress: subscription.macAddress ?? '',
      staticIp: subscription.staticIp ?? '',
      isolationReason: subscription.isolationReason ?? '',
    })
    editForm.reset()
    editForm.clearErrors()
    editOpen.value = true
  }

  /** Only what changed is sent; a cleared MAC or IP is sent as null (unbind). */
  function changesOf(draft: SubscriptionEditDraft) {
    const current = editing.value!
    const change: Record<string, unknown> = {}
    if (draft.packageId !== current.packageId) change.packageId = draft.packageId
    if (draft.status !== current.status) change.status = draft.status
    if (draft.password) change.password = draft.password
    if (draft.macAddress.trim() !== (current.macAddress ?? ''))
      change.macAddress = draft.macAddress.trim() || null
    if (draft.staticIp.trim() !== (current.staticIp ?? ''))
      change.staticIp = draft.staticIp.trim() || null
    if (
      draft.status === 'isolated' &&
      draft.isolationReason.trim() !== (current.isolationReason ?? '')
    )
      change.isolationReason = draft.isolationReason.trim() || null
    return change
  }

  function submitEdit() {
    const current = editing.value
    if (!current) return
    editForm
      .transform((draft) => changesOf(draft))
      .patch(`/subscriptions/${current.id}`, {
        preserveState: true,
        preserveScroll: true,
        onSuccess: () => {
          editOpen.value = false
          notify.success(t('customers.subscriptionEdit.saved'))
        },
      })
  }

  const revealing = ref<string | null>(null)
  function reveal(subscription: Subscription) {
    revealing.value = subscription.id
    router.post(
      `/subscriptions/${subscription.id}/reveal-password`,
      {},
      {
        only: ['revealed', 'activity', 'errors'],
        preserveState: true,
        preserveScroll: true,
        onFinish: () => (revealing.value = null),
      }
    )
  }
  const revealedFor = (id: string) =>
    props.revealed && props.revealed.id === id ? props.revealed.password : null

  return {
    packageOptions,
    addOpen,
    addForm,
    addErrorFor,
    openAdd,
    submitAdd,
    editing,
    editOpen,
    editForm,
    editErrorFor,
    editPackageOptions,
    statusOptions,
    openEdit,
    submitEdit,
    revealing,
    reveal,
    revealedFor,
  }
}
