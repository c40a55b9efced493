import { computed, ref } from 'vue'
import { router as inertia, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import type { TableColumn } from '../../../../resources/models/table'
import type { AccountDraft, RouterAccount, RouterPageProps, SessionType } from '../models/live'
import { messageOf } from './form_support'
import { useTabQuery } from './use_tab_query'

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'mikrotik.accounts.columns.name' },
  { key: 'type', label: 'mikrotik.accounts.columns.type' },
  { key: 'profile', label: 'mikrotik.accounts.columns.profile' },
  { key: 'comment', label: 'mikrotik.accounts.columns.comment' },
  { key: 'state', label: 'mikrotik.accounts.columns.state' },
  { key: 'actions', label: 'mikrotik.accounts.columns.actions', align: 'end' },
]

const EMPTY: AccountDraft = {
  type: 'hotspot',
  name: '',
  password: '',
  profile: '',
  limitUptime: '',
  comment: '',
  disabled: false,
}

/**
 * Hotspot users and PPP secrets on the router: list, add, edit (including a
 * move to another profile) and remove after a confirmation. Every change goes
 * to the router itself; the list is read back from it afterwards.
 */
export function useAccountsViewModel(props: RouterPageProps) {
  const { t } = useI18n()
  const list = useTabQuery(props, 'accounts')
  const base = computed(() => `/mikrotik/routers/${props.router.id}/users`)

  const rows = computed(() =>
    (props.accounts?.data ?? []).map((account) => ({
      ...account,
      typeLabel: t(`mikrotik.type.${account.type}`),
      stateLabel: account.disabled
        ? t('mikrotik.accounts.disabled')
        : t('mikrotik.accounts.enabled'),
    }))
  )

  const editing = ref<RouterAccount | null>(null)
  const formOpen = ref(false)
  const form = useForm<AccountDraft>({ ...EMPTY })
  const errorFor = (field: string) => messageOf(form.errors as Record<string, unknown>, field)

  const profileOptions = computed(() =>
    (props.accounts?.profiles[form.type as SessionType] ?? []).map((profile) => ({
      value: profile.name,
      label: profile.rateLimit ? `${profile.name} (${profile.rateLimit})` : profile.name,
    }))
  )
  const typeOptions = computed(() =>
    (['hotspot', 'pppoe'] as const).map((value) => ({ value, label: t(`mikrotik.type.${value}`) }))
  )

  function openAdd() {
    editing.value = null
    form.defaults({ ...EMPTY })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function openEdit(account: RouterAccount) {
    editing.value = account
    form.defaults({
      type: account.type,
      name: account.name,
      password: '',
      profile: account.profile ?? '',
      limitUptime: account.limitUptime ?? '',
      comment: account.comment ?? '',
      disabled: account.disabled,
    })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  /** Only what the user filled in: a blank password keeps the current one. */
  function payload(draft: AccountDraft) {
    const body: Record<string, unknown> = { type: draft.type, name: draft.name.trim() }
    if (draft.password !== '') body.password = draft.password
    if (draft.profile) body.profile = draft.profile
    if (draft.type === 'hotspot' && draft.limitUptime.trim())
      body.limitUptime = draft.limitUptime.trim()
    if (draft.comment.trim() || editing.value) body.comment = draft.comment.trim()
    body.disabled = draft.disabled
    return body
  }

  function submit() {
    const options = {
      preserveScroll: true,
      onSuccess: () => {
        formOpen.value = false
      },
    }
    const request = form.transform((draft) => payload(draft))
    if (editing.value) {
      request.patch(`${base.value}/${encodeURIComponent(editing.value.id)}`, options)
    } else {
      request.post(base.value, options)
    }
  }

  const removing = ref<RouterAccount | null>(null)
  const removeOpen = computed({
    get: () => removing.value !== null,
    set: (open: boolean) => {
      if (!open) removing.value = null
    },
  })
  const deleting = ref(false)
  function remove() {
    const account = removing.value
    if (!account) return
    inertia.delete(`${base.value}/${encodeURIComponent(account.id)}`, {
      data: { type: account.type },
      preserveScroll: true,
      onStart: () => (deleting.value = true),
      onFinish: () => {
        deleting.value = false
        removing.value = null
      },
    })
  }

  return {
    ...list,
    columns: COLUMNS,
    rows,
    meta: computed(() => props.accounts?.meta ?? { total: 0, page: 1, perPage: 25, lastPage: 1 }),
    filtered: computed(() => Boolean(props.query.q || props.query.type)),
    canWrite: computed(() => props.can.write),
    typeOptions,
    profileOptions,
    editing,
    formOpen,
    form,
    errorFor,
    openAdd,
    openEdit,
    submit,
    removing,
    removeOpen,
    deleting,
    askRemove: (account: RouterAccount) => (removing.value = account),
    remove,
  }
}
