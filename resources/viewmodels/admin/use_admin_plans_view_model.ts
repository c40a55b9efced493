import { computed, ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../lib/notify'

/** The page a visit returned to, as far as these checks read it. */
type Page = { props: Record<string, any> }
import type { Plan, PlansPageProps } from '../../models/admin'
import { humanize, messageOf, useAdminFormat } from './admin_format'

interface PlanDraft {
  name: string
  price: string
  limits: Record<string, string>
  featureGroup: string
  active: boolean
}

/** Whole numbers typed as text: blank is null (negotiated price, unlimited), other text goes as is for the server's message. */
function numberOrNull(text: string): number | string | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const value = Number(trimmed.replace(/[.\s]/g, ''))
  return Number.isNaN(value) ? trimmed : value
}

const hasErrors = (page: Page) => Object.keys(page.props.errors ?? {}).length > 0

/**
 * The catalog the platform sells: plans (price, limits, feature group, on
 * sale) and the feature groups they include. Tenants on a plan follow its
 * new limits at once (the server says so in the audit log too).
 */
export function useAdminPlansViewModel(props: PlansPageProps) {
  const { t, te } = useI18n()
  const notify = useNotify()
  const format = useAdminFormat()

  const groupName = (code: string | null) =>
    code
      ? (props.featureGroups.find((g) => g.code === code)?.name ?? code)
      : t('admin.plans.noGroup')

  const plans = computed(() =>
    props.plans.map((plan) => ({
      ...plan,
      priceLabel: format.money(plan.price),
      groupLabel: groupName(plan.featureGroup),
      limitRows: props.limitKeys.map((key) => ({
        key,
        label: format.limitLabel(key),
        value: format.limitValue(plan.limits[key] ?? null),
      })),
    }))
  )

  // Editing one plan
  const editing = ref<Plan | null>(null)
  const form = useForm<PlanDraft>({
    name: '',
    price: '',
    limits: {},
    featureGroup: '',
    active: true,
  })
  const errorFor = (field: string) => messageOf(form.errors as Record<string, unknown>, field)
  const editOpen = computed({
    get: () => editing.value !== null,
    set: (open) => {
      if (!open) editing.value = null
    },
  })
  function edit(code: string) {
    const plan = props.plans.find((p) => p.code === code)
    if (!plan) return
    form.defaults({
      name: plan.name,
      price: plan.price === null ? '' : String(plan.price),
      limits: Object.fromEntries(
        props.limitKeys.map((key) => [
          key,
          plan.limits[key] == null ? '' : String(plan.limits[key]),
        ])
      ),
      featureGroup: plan.featureGroup ?? '',
      active: plan.active,
    })
    form.reset()
    form.clearErrors()
    editing.value = plan
  }
  function save() {
    const plan = editing.value
    if (!plan) return
    form
      .transform((draft) => ({
        name: draft.name,
        price: numberOrNull(draft.price),
        limits: Object.fromEntries(
          Object.entries(draft.limits).map(([key, value]) => [key, numberOrNull(value)])
        ),
        featureGroup: draft.featureGroup || null,
        active: draft.active,
      }))
      .patch(`/admin/plans/${plan.code}`, {
        preserveScroll: true,
        onSuccess: (next) => {
          if (hasErrors(next)) return
          editing.value = null
          notify.success(t('admin.plans.saved', { name: plan.name }))
        },
      })
  }
  const groupOptions = computed(() =>
    props.featureGroups.map((g) => ({ value: g.code, label: g.name }))
  )
  const limitFields = computed(() =>
    props.limitKeys.map((key) => ({ key, label: format.limitLabel(key) }))
  )

  // Feature groups
  const featureLabel = (name: string) =>
    te(`admin.featureNames.${name}`) ? t(`admin.featureNames.${name}`) : humanize(name)
  const groupDrafts = ref<Record<string, string[]>>(
    Object.fromEntries(props.featureGroups.map((g) => [g.code, [...g.features]]))
  )
  const savingGroup = ref<string | null>(null)
  const groups = computed(() =>
    props.featureGroups.map((group) => ({
      ...group,
      plans: props.plans.filter((p) => p.featureGroup === group.code).map((p) => p.name),
      changed:
        [...(groupDrafts.value[group.code] ?? [])].sort().join() !==
        [...group.features].sort().join(),
    }))
  )
  const featureOptions = computed(() =>
    props.features.map((f) => ({ ...f, label: f.title ?? featureLabel(f.name) }))
  )
  function toggleGroupFeature(group: string, feature: string, on: boolean) {
    const current = new Set(groupDrafts.value[group] ?? [])
    if (on) current.add(feature)
    else current.delete(feature)
    groupDrafts.value = { ...groupDrafts.value, [group]: [...current] }
  }
  const groupError = ref<Record<string, string | undefined>>({})
  function saveGroup(code: string) {
    router.patch(
      `/admin/feature-groups/${code}`,
      { features: groupDrafts.value[code] ?? [] },
      {
        preserveScroll: true,
        onStart: () => (savingGroup.value = code),
        onFinish: () => (savingGroup.value = null),
        // Refused: Inertia hands the messages to onError.
        onError: (errors) => {
          const messages = errors as Record<string, unknown>
          groupError.value = {
            ...groupError.value,
            [code]: messageOf(messages, 'features') ?? messageOf(messages, 'form'),
          }
        },
        onSuccess: () => {
          groupError.value = { ...groupError.value, [code]: undefined }
          notify.success(t('admin.plans.groupSaved'))
        },
      }
    )
  }

  return {
    plans,
    editing,
    editOpen,
    form,
    errorFor,
    edit,
    save,
    groupOptions,
    limitFields,
    groups,
    groupDrafts,
    featureOptions,
    toggleGroupFeature,
    saveGroup,
    savingGroup,
    groupError,
  }
}
