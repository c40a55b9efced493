import { computed, ref } from 'vue'
import { router, useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../lib/notify'
import { formatDate } from '../lib/format'
import { usePreferencesStore } from '../stores/preferences_store'
import type { SharedProps } from '../models/panel'
import type { TableColumn } from '../models/table'
import { useServerList } from './use_server_list'
import type { Member, MemberDraft, TeamPageProps } from '../models/team'

const COLUMNS: TableColumn[] = [
  { key: 'fullName', label: 'team.users.columns.name' },
  { key: 'roles', label: 'team.users.columns.roles' },
  { key: 'status', label: 'team.users.columns.status' },
  { key: 'lastLoginAt', label: 'team.users.columns.lastLogin' },
  { key: 'actions', label: 'team.users.columns.actions', align: 'end' },
]

const EMPTY: MemberDraft = { email: '', fullName: '', phone: '', password: '', roles: [] }

/**
 * The team page: members page by page with search, role and status filters
 * kept in the URL; an editor to add a member or change one (roles, name,
 * phone); deactivation asks first. The server's field messages show inline.
 */
export function useTeamViewModel(props: TeamPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const page = usePage<SharedProps>()
  const preferences = usePreferencesStore()

  const list = useServerList({
    url: '/team',
    only: ['users', 'filters'],
    initial: {
      page: props.users.meta.page,
      perPage: props.users.meta.perPage,
      search: props.filters.q,
    },
    filters: { role: props.filters.role, status: props.filters.status as string },
  })
  const { query, loading, update: updateQuery } = list
  const role = computed(() => list.filters.value.role)
  const status = computed(() => list.filters.value.status)
  const setFilter = (kind: 'role' | 'status', value: string) => list.setFilter(kind, value)

  const roleNames = computed(
    () => new Map(props.roles.map((option) => [option.slug, option.name] as const))
  )
  const rows = computed(() =>
    props.users.data.map((member) => ({
      ...member,
      isMe: member.id === props.me,
      roleLabels: member.roles.map((slug) => roleNames.value.get(slug) ?? slug),
      lastLoginLabel: member.lastLoginAt
        ? formatDate(member.lastLoginAt, {
            locale: preferences.locale,
            timeZone: page.props.tenant?.timezone,
            withTime: true,
          })
        : t('team.users.never'),
    }))
  )

  const roleOptions = computed(() =>
    props.roles.map((option) => ({ value: option.slug, label: option.name }))
  )
  const statusOptions = computed(() => [
    { value: 'active', label: t('status.active') },
    { value: 'deactivated', label: t('status.inactive') },
  ])

  // The editor (add or change a member).
  const editing = ref<Member | null>(null)
  const formOpen = ref(false)
  const form = useForm<MemberDraft>({ ...EMPTY })
  const formError = computed(() => page.props.errors?.form ?? null)

  function openNew() {
    editing.value = null
    form.defaults({ ...EMPTY, roles: [] })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function openEdit(member: Member) {
    editing.value = member
    form.defaults({
      email: member.email,
      fullName: member.fullName,
      phone: member.phone ?? '',
      password: '',
      roles: [...member.roles],
    })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  function toggleRole(slug: string, on: boolean) {
    form.roles = on ? [...new Set([...form.roles, slug])] : form.roles.filter((r) => r !== slug)
  }

  function submit() {
    const options = {
      preserveState: true,
      preserveScroll: true,
      onSuccess: () => {
        formOpen.value = false
        notify.success(editing.value ? t('team.users.saved') : t('team.users.added'))
      },
    }
    if (editing.value) {
      form
        .transform((draft) => ({
          fullName: draft.fullName,
          phone: draft.phone.trim() || null,
          roles: draft.roles,
        }))
        .patch(`/team/${editing.value.id}`, options)
    } else {
      form
        .transform((draft) => ({ ...draft, phone: draft.phone.trim() || null }))
        .post('/team', options)
    }
  }

  // Deactivate / reactivate, asked first.
  const statusTarget = ref<Member | null>(null)
  const statusOpen = ref(false)
  const changingStatus = ref(false)
  function askStatus(member: Member) {
    statusTarget.value = member
    statusOpen.value = true
  }
  function confirmStatus() {
    const member = statusTarget.value
    if (!member) return
    const next = member.status === 'active' ? 'deactivated' : 'active'
    router.patch(
      `/team/${member.id}`,
      { status: next },
      {
        preserveState: true,
        preserveScroll: true,
        onStart: () => (changingStatus.value = true),
        onFinish: () => (changingStatus.value = false),
        onSuccess: () => {
          statusOpen.value = false
          const refusal = page.props.errors?.form
          if (refusal) notify.error(refusal)
          else
            notify.success(
              next === 'active' ? t('team.users.reactivated') : t('team.users.deactivated')
            )
        },
      }
    )
  }

  return {
    columns: COLUMNS,
    query,
    loading,
    rows,
    meta: computed(() => props.users.meta),
    updateQuery,
    role,
    status,
    setFilter,
    roleOptions,
    statusOptions,
    canManage: computed(() => props.can.manageUsers),
    editing,
    formOpen,
    form,
    formError,
    openNew,
    openEdit,
    toggleRole,
    submit,
    statusTarget,
    statusOpen,
    changingStatus,
    askStatus,
    confirmStatus,
  }
}
