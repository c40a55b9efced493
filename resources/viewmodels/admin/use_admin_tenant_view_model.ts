import { computed, ref, watch } from 'vue'
import { router, useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../lib/notify'
import type { SharedProps } from '../../models/panel'
import {
  TENANT_STATUSES,
  type Refusal,
  type TenantPageProps,
  type TenantStatus,
} from '../../models/admin'
import { humanize, messageOf, useAdminFormat } from './admin_format'

type Method = 'post' | 'put' | 'patch' | 'delete'
type Payload = NonNullable<Parameters<typeof router.visit>[1]>['data']
/** The page a visit returned to, as far as these checks read it. */
type Page = { props: Record<string, any> }

/** A form came back refused when the page it returned to carries a refusal or field errors. */
function refused(page: Page) {
  return Boolean(page.props.refusal) || Object.keys(page.props.errors ?? {}).length > 0
}

/**
 * One tenant for the super admin. Every change posts to the panel route of
 * the same service the API uses and comes back to this page; a refusal
 * (a plugin still needed, a bad value) shows as a message in the panel's
 * language, and nothing was changed.
 */
export function useAdminTenantViewModel(props: TenantPageProps) {
  const { t, te } = useI18n()
  const notify = useNotify()
  const format = useAdminFormat()
  const page = usePage<SharedProps>()
  const tenant = computed(() => props.tenantDetail)
  const base = computed(() => `/admin/tenants/${props.tenantDetail.id}`)
  const busy = ref<string | null>(null)

  /** Sends one change; `key` marks which control shows it is working. */
  function act(
    key: string,
    method: Method,
    path: string,
    data: Payload = {},
    success = t('admin.common.saved'),
    after?: () => void
  ) {
    router.visit(`${base.value}${path}`, {
      method,
      data,
      preserveScroll: true,
      onStart: () => (busy.value = key),
      onFinish: () => (busy.value = null),
      // A refusal comes back as errors (Inertia calls onError); the page's alert
      // may be out of view where the control was used, so it is said here too.
      onError: (errors) =>
        notify.error(
          t('admin.tenant.refused'),
          refusalText(page.props.refusal as Refusal | null) ??
            messageOf(errors as Record<string, unknown>, 'form')
        ),
      onSuccess: (next) => {
        if (refused(next)) return
        notify.success(success)
        after?.()
      },
    })
  }

  // Refusals: translated when the panel knows the code, else the server's sentence.
  function refusalText(r: Refusal | null | undefined) {
    if (!r) return null
    const key = `admin.refusals.${r.code}`
    const params = r.params ?? {}
    const known = te(key) && (r.code !== 'PLUGIN_REQUIRED' || params.dependents)
    return known ? t(key, params) : r.message
  }
  const refusal = computed(() => refusalText(props.refusal))
  const formError = computed(() =>
    props.refusal ? null : messageOf(page.props.errors ?? {}, 'form')
  )

  // Plan
  const planCode = ref(props.tenantDetail.plan)
  const applyGroup = ref(true)
  watch(
    () => props.tenantDetail.plan,
    (plan) => (planCode.value = plan)
  )
  const planOptions = computed(() =>
    props.plans
      .filter((p) => p.active || p.code === props.tenantDetail.plan)
      .map((p) => ({ value: p.code, label: `${p.name} · ${format.money(p.price)}` }))
  )
  const currentPlan = computed(() => props.plans.find((p) => p.code === props.tenantDetail.plan))
  function changePlan() {
    act(
      'plan',
      'patch',
      '/plan',
      { plan: planCode.value, applyFeatureGroup: applyGroup.value },
      t('admin.tenant.plan.changed')
    )
  }

  // Limits
  const limits = computed(() =>
    Object.entries(props.tenantDetail.limits ?? {}).map(([key, limit]) => ({
      key,
      label: format.limitLabel(key),
      plan: format.limitValue(limit.plan),
      override: limit.override === null ? null : String(limit.override),
      billable: limit.billable,
      addons: limit.addons ? `+${limit.addons}` : '—',
      effective: format.limitValue(limit.effective),
    }))
  )
  const overrideOpen = ref(false)
  const overrideKey = ref('')
  const overrideForm = useForm<{ value: string; billable: boolean }>({ value: '', billable: true })
  function openOverride(key: string) {
    const limit = props.tenantDetail.limits?.[key]
    overrideKey.value = key
    overrideForm.defaults({
      value:
        limit?.override === null || limit?.override === undefined ? '' : String(limit.override),
      billable: limit?.billable ?? true,
    })
    overrideForm.reset()
    overrideForm.clearErrors()
    overrideOpen.value = true
  }
  function saveOverride() {
    overrideForm
      .transform((draft) => ({
        // A number the server checks; text that is not one goes as is, for its message.
        value:
          draft.value.trim() === ''
            ? ''
            : Number.isNaN(Number(draft.value))
              ? draft.value
              : Number(draft.value),
        billable: draft.billable,
      }))
      .put(`${base.value}/limits/${overrideKey.value}`, {
        preserveScroll: true,
        onSuccess: (next) => {
          if (refused(next)) return
          overrideOpen.value = false
          notify.success(t('admin.tenant.limits.saved'))
        },
      })
  }
  function clearOverride(key: string) {
    act(`limit-${key}`, 'put', `/limits/${key}`, { value: null }, t('admin.tenant.limits.cleared'))
  }
  const overrideError = (field: string) =>
    messageOf(overrideForm.errors as Record<string, unknown>, field)

  // Status, asked first
  const statusTarget = ref<TenantStatus | null>(null)
  const statusOptions = computed(() =>
    TENANT_STATUSES.map((status) => ({
      status,
      label: t(`admin.tenant.status.to.${status}`),
      hint: t(`admin.tenant.status.hint.${status}`),
      current: status === props.tenantDetail.status,
    }))
  )
  const statusConfirmOpen = computed({
    get: () => statusTarget.value !== null,
    set: (open) => {
      if (!open) statusTarget.value = null
    },
  })
  /** Why, for the tenant's audit trail (an unpaid invoice, a complaint); optional */
  const statusReason = ref('')
  const statusReasonError = computed(() => messageOf(page.props.errors ?? {}, 'reason'))
  function askStatus(status: TenantStatus) {
    statusReason.value = ''
    statusTarget.value = status
  }
  function confirmStatus() {
    const status = statusTarget.value
    if (!status) return
    const reason = statusReason.value.trim()
    act(
      'status',
      'patch',
      '/status',
      { status, ...(reason ? { reason } : {}) },
      t('admin.tenant.status.changed'),
      () => {
        statusTarget.value = null
        statusReason.value = ''
      }
    )
  }

  // Features: simple mode (a group) or advanced (one by one)
  const featureMode = ref<'simple' | 'advanced'>(
    props.tenantDetail.featureGroup ? 'simple' : 'advanced'
  )
  const groupChoice = ref(props.tenantDetail.featureGroup ?? props.featureGroups[0]?.code ?? '')
  watch(
    () => props.tenantDetail.featureGroup,
    (group) => {
      if (group) groupChoice.value = group
    }
  )
  const featureLabel = (name: string) => {
    const plugin = props.installedPlugins.find((p) => p.id === name)
    if (plugin) return plugin.name
    return te(`admin.featureNames.${name}`) ? t(`admin.featureNames.${name}`) : humanize(name)
  }
  const groups = computed(() =>
    props.featureGroups.map((group) => ({
      ...group,
      current: group.code === props.tenantDetail.featureGroup,
      featureLabels: group.features.map(featureLabel),
    }))
  )
  const groupConfirmOpen = ref(false)
  function applyFeatureGroup() {
    act(
      'group',
      'put',
      '/features',
      { group: groupChoice.value },
      t('admin.tenant.features.groupApplied'),
      () => {
        groupConfirmOpen.value = false
      }
    )
  }
  const features = computed(() =>
    props.features.map((feature) => ({
      ...feature,
      label: featureLabel(feature.name),
      enabled: props.tenantDetail.features.includes(feature.name),
    }))
  )
  function toggleFeature(name: string, enabled: boolean) {
    act(`feature-${name}`, 'patch', `/features/${name}`, { enabled })
  }

  // Plugins
  const sourceLabel = (source: string) =>
    te(`admin.tenant.plugins.sources.${source}`)
      ? t(`admin.tenant.plugins.sources.${source}`)
      : source
  const plugins = computed(() =>
    props.installedPlugins.map((plugin) => {
      const enabled = props.tenantDetail.plugins.find((p) => p.id === plugin.id)
      return {
        ...plugin,
        enabled: Boolean(enabled),
        source: enabled ? sourceLabel(enabled.source) : null,
        requiresLabel: plugin.requires.map(featureLabel).join(', '),
      }
    })
  )
  function togglePlugin(id: string, enabled: boolean) {
    act(
      `plugin-${id}`,
      'put',
      `/plugins/${id}`,
      { enabled },
      enabled ? t('admin.tenant.plugins.enabled') : t('admin.tenant.plugins.disabled')
    )
  }

  // Addons
  const addons = computed(() =>
    props.tenantDetail.addons.map((addon) => ({
      ...addon,
      limitLabel: format.limitLabel(addon.limitKey),
      raises: `+${addon.quantity * addon.increment}`,
      priceLabel: t(`admin.tenant.addons.cycles.${addon.billingCycle}`, {
        amount: format.money(addon.price * addon.quantity),
      }),
      statusLabel: t(`admin.tenant.addons.statuses.${addon.status}`),
      badge:
        addon.status === 'active'
          ? ('active' as const)
          : addon.status === 'pending'
            ? ('pending' as const)
            : ('inactive' as const),
      since: format.date(addon.createdAt),
    }))
  )
  const offerOptions = computed(() =>
    props.addonOffers.map((offer) => ({
      value: offer.code,
      label: `${offer.name} (+${offer.increment} ${format.limitLabel(offer.limitKey)}) · ${t(
        `admin.tenant.addons.cycles.${offer.billingCycle}`,
        { amount: format.money(offer.price) }
      )}`,
    }))
  )
  const addonForm = useForm<{ code: string; quantity: string; billable: boolean }>({
    code: props.addonOffers[0]?.code ?? '',
    quantity: '1',
    billable: true,
  })
  const addonError = (field: string) =>
    messageOf(addonForm.errors as Record<string, unknown>, field)
  function addAddon() {
    addonForm
      .transform((draft) => ({
        code: draft.code,
        quantity: Number.isNaN(Number(draft.quantity)) ? draft.quantity : Number(draft.quantity),
        billable: draft.billable,
      }))
      .post(`${base.value}/addons`, {
        preserveScroll: true,
        onSuccess: (next) => {
          if (refused(next)) return
          addonForm.reset('quantity')
          notify.success(t('admin.tenant.addons.added'))
        },
      })
  }
  const cancelTarget = ref<string | null>(null)
  const cancelOpen = computed({
    get: () => cancelTarget.value !== null,
    set: (open) => {
      if (!open) cancelTarget.value = null
    },
  })
  function confirmCancelAddon() {
    const id = cancelTarget.value
    if (!id) return
    act('addon-cancel', 'delete', `/addons/${id}`, {}, t('admin.tenant.addons.cancelled'), () => {
      cancelTarget.value = null
    })
  }

  // Pending addons (ordered by the tenant, waiting for approval)
  function approveAddon(id: string) {
    act(
      `addon-approve-${id}`,
      'post',
      `/addons/${id}/approve`,
      {},
      t('admin.tenant.addons.approved')
    )
  }
  const rejectTarget = ref<string | null>(null)
  const rejectReason = ref('')
  const rejectReasonError = computed(() => messageOf(page.props.errors ?? {}, 'reason'))
  const rejectOpen = computed({
    get: () => rejectTarget.value !== null,
    set: (open) => {
      if (!open) rejectTarget.value = null
    },
  })
  function askReject(id: string) {
    rejectReason.value = ''
    rejectTarget.value = id
  }
  function confirmRejectAddon() {
    const id = rejectTarget.value
    if (!id) return
    const reason = rejectReason.value.trim()
    act(
      'addon-reject',
      'post',
      `/addons/${id}/reject`,
      reason ? { reason } : {},
      t('admin.tenant.addons.rejected'),
      () => {
        rejectTarget.value = null
        rejectReason.value = ''
      }
    )
  }

  // Impersonation
  const impersonateOpen = ref(false)
  function impersonate() {
    router.post(
      `${base.value}/impersonate`,
      {},
      { onStart: () => (busy.value = 'impersonate'), onFinish: () => (busy.value = null) }
    )
  }

  // Audit
  const audit = computed(() => format.auditRows(props.audit.data))
  function auditPage(pageNumber: number) {
    router.get(
      base.value,
      { auditPage: pageNumber },
      { only: ['audit'], preserveScroll: true, preserveState: true }
    )
  }

  return {
    tenant,
    busy,
    refusal,
    formError,
    created: computed(() => format.date(props.tenantDetail.createdAt)),
    // plan
    planCode,
    applyGroup,
    planOptions,
    currentPlan,
    planPrice: computed(() => format.money(currentPlan.value?.price ?? null)),
    changePlan,
    // limits
    limits,
    planMissing: computed(() => props.tenantDetail.limits === null),
    overrideOpen,
    overrideKey,
    overrideLabel: computed(() => format.limitLabel(overrideKey.value)),
    overrideForm,
    overrideError,
    openOverride,
    saveOverride,
    clearOverride,
    // status
    statusOptions,
    statusTarget,
    statusConfirmOpen,
    statusReason,
    statusReasonError,
    askStatus,
    confirmStatus,
    // features
    featureMode,
    groupChoice,
    groups,
    groupConfirmOpen,
    applyFeatureGroup,
    features,
    toggleFeature,
    // plugins
    plugins,
    togglePlugin,
    // addons
    addons,
    offerOptions,
    addonForm,
    addonError,
    addAddon,
    cancelTarget,
    cancelOpen,
    confirmCancelAddon,
    approveAddon,
    rejectTarget,
    rejectReason,
    rejectReasonError,
    rejectOpen,
    askReject,
    confirmRejectAddon,
    // impersonation
    impersonateOpen,
    impersonate,
    canImpersonate: computed(() => props.tenantDetail.status !== 'deactivated'),
    // audit
    audit,
    auditMeta: computed(() => props.audit.meta),
    auditPage,
  }
}
