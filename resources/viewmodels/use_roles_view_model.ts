import { computed, ref } from 'vue'
import { router, useForm, usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../lib/notify'
import type { SharedProps } from '../models/panel'
import type { CatalogPermission, Role, RoleDraft, RolesPageProps } from '../models/team'

const humanize = (id: string) => id.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())

/** Whether a role's grants (names or wildcards such as `billing.*`, `*`) cover a permission. */
export function grantsPermission(grants: readonly string[], name: string) {
  return grants.some(
    (grant) =>
      grant === '*' ||
      grant === name ||
      (grant.endsWith('.*') && name.startsWith(grant.slice(0, -1)))
  )
}

/**
 * Roles: built-in and custom ones, an editor whose permission catalog is
 * grouped by the module that declares each permission, and deletion of
 * custom roles. On a plan without custom roles the page says so and offers
 * no editing (the server refuses it too).
 */
export function useRolesViewModel(props: RolesPageProps) {
  const { t, te } = useI18n()
  const notify = useNotify()
  const page = usePage<SharedProps>()

  const canEdit = computed(() => props.plan.customRoles)

  /** The catalog by declaring module: the core first, then plugins by name. */
  const groups = computed(() => {
    const bySource = new Map<string, CatalogPermission[]>()
    for (const group of props.catalog) {
      for (const permission of group.permissions) {
        bySource.set(permission.source, [...(bySource.get(permission.source) ?? []), permission])
      }
    }
    return [...bySource.entries()]
      .map(([source, permissions]) => ({
        source,
        label:
          source === 'core'
            ? t('team.roles.coreGroup')
            : te(`${source}.name`)
              ? t(`${source}.name`)
              : humanize(source),
        permissions: permissions.sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .sort((a, b) =>
        a.source === 'core' ? -1 : b.source === 'core' ? 1 : a.label.localeCompare(b.label)
      )
  })

  const totalPermissions = computed(() =>
    props.catalog.reduce((sum, group) => sum + group.permissions.length, 0)
  )
  function summary(role: Role) {
    if (role.permissions.includes('*')) return t('team.roles.everything')
    const names = props.catalog.flatMap((g) => g.permissions.map((p) => p.name))
    const count = names.filter((name) => grantsPermission(role.permissions, name)).length
    return t('team.roles.permissionCount', { count, total: totalPermissions.value })
  }

  const editing = ref<Role | null>(null)
  const formOpen = ref(false)
  const form = useForm<RoleDraft>({ name: '', permissions: [] })
  const formError = computed(() => page.props.errors?.form ?? null)
  const nameLocked = computed(() => Boolean(editing.value?.isSystem))

  function openNew() {
    editing.value = null
    form.defaults({ name: '', permissions: [] })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  /** Wildcards open as the individual permissions they cover, so each can be unticked. */
  function openEdit(role: Role) {
    editing.value = role
    const names = props.catalog.flatMap((g) => g.permissions.map((p) => p.name))
    form.defaults({
      name: role.name,
      permissions: names.filter((name) => grantsPermission(role.permissions, name)),
    })
    form.reset()
    form.clearErrors()
    formOpen.value = true
  }

  const has = (name: string) => form.permissions.includes(name)
  function toggle(name: string, on: boolean) {
    form.permissions = on
      ? [...new Set([...form.permissions, name])]
      : form.permissions.filter((p) => p !== name)
  }
  function toggleGroup(names: string[], on: boolean) {
    const rest = form.permissions.filter((p) => !names.includes(p))
    form.permissions = on ? [...rest, ...names] : rest
  }

  /**
   * What to send: a wildcard the role had (`*`, `billing.*`) stays a wildcard
   * while everything it covers stays ticked, so modules added later are still
   * granted; grants the catalog does not list (a module not installed) are kept.
   */
  function grantsToSend(selected: string[], original: string[]) {
    const names = props.catalog.flatMap((g) => g.permissions.map((p) => p.name))
    const result = new Set(selected)
    const unknown = original.filter((grant) => !names.some((n) => grantsPermission([grant], n)))
    for (const grant of original) {
      if (grant !== '*' && !grant.endsWith('.*')) continue
      const covered = names.filter((n) => grantsPermission([grant], n))
      if (covered.length && covered.every((n) => result.has(n))) {
        for (const n of covered) result.delete(n)
        result.add(grant)
      }
    }
    return [...new Set([...result, ...unknown])]
  }

  function submit() {
    const options = {
      preserveState: true,
      preserveScroll: true,
      onSuccess: () => {
        formOpen.value = false
        notify.success(t('team.roles.saved'))
      },
    }
    const role = editing.value
    if (role) {
      form
        .transform((draft) => {
          const permissions = grantsToSend(draft.permissions, role.permissions)
          return role.isSystem ? { permissions } : { name: draft.name, permissions }
        })
        .patch(`/roles/${role.id}`, options)
    } else {
      form.post('/roles', options)
    }
  }

  const deleting = ref<Role | null>(null)
  const deleteOpen = ref(false)
  const deleteBusy = ref(false)
  function askDelete(role: Role) {
    deleting.value = role
    deleteOpen.value = true
  }
  function confirmDelete() {
    if (!deleting.value) return
    router.delete(`/roles/${deleting.value.id}`, {
      preserveState: true,
      preserveScroll: true,
      onStart: () => (deleteBusy.value = true),
      onFinish: () => (deleteBusy.value = false),
      onSuccess: () => {
        deleteOpen.value = false
        const refusal = page.props.errors?.form
        if (refusal) notify.error(refusal)
        else notify.success(t('team.roles.deleted'))
      },
    })
  }

  return {
    canEdit,
    groups,
    summary,
    editing,
    formOpen,
    form,
    formError,
    nameLocked,
    openNew,
    openEdit,
    has,
    toggle,
    toggleGroup,
    submit,
    deleting,
    deleteOpen,
    deleteBusy,
    askDelete,
    confirmDelete,
  }
}
