import { computed, ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import { useModalEditor } from '../../../../resources/viewmodels/use_modal_editor'
import type { IsolatedBehaviour, Nas, NasDraft, SettingsPageProps } from '../models/radius'

const EMPTY: NasDraft = {
  name: '',
  ipAddress: '',
  nasIdentifier: '',
  secret: '',
  coaEnabled: true,
  coaPort: 3799,
  routerId: '',
}

const toDraft = (nas: Nas): NasDraft => ({
  name: nas.name,
  ipAddress: nas.ipAddress,
  nasIdentifier: nas.nasIdentifier ?? '',
  secret: '',
  coaEnabled: nas.coaPort !== null,
  coaPort: nas.coaPort ?? 3799,
  routerId: nas.routerId ?? '',
})

/** What the server is sent: no CoA is a null port; blanks are left out or cleared. */
function toInput(draft: NasDraft, editing: boolean) {
  return {
    name: draft.name,
    ipAddress: draft.ipAddress,
    nasIdentifier: draft.nasIdentifier.trim() || (editing ? null : undefined),
    secret: draft.secret || (editing ? undefined : ''),
    coaPort: draft.coaEnabled ? draft.coaPort : null,
    routerId: draft.routerId.trim() || null,
  }
}

/** The NAS list with its editor, the isolir behaviour and how FreeRADIUS is connected. */
export function useRadiusSettingsViewModel(props: SettingsPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const canManage = computed(() => props.can.manage)

  const form = useForm<NasDraft>({ ...EMPTY })
  const editor = useModalEditor({
    form,
    empty: EMPTY,
    toDraft,
    // A NAS being edited keeps its secret unless a new one is typed.
    toInput: (draft: NasDraft): object => toInput(draft, editor.editing.value !== null),
    url: '/radius/nas',
    onSaved: () => notify.success(t('radius.settings.saved')),
  })
  const { editing, formOpen, openNew, openWith: openEdit, submit } = editor
  const errorFor = (field: keyof NasDraft | 'form') => {
    const errors = form.errors as Record<string, string | undefined>
    return field === 'coaEnabled' ? undefined : (errors[field] ?? undefined)
  }

  const deleting = ref<Nas | null>(null)
  const deleteOpen = computed({
    get: () => deleting.value !== null,
    set: (open: boolean) => {
      if (!open) deleting.value = null
    },
  })
  const removing = ref(false)
  function confirmDelete() {
    if (!deleting.value) return
    router.delete(`/radius/nas/${deleting.value.id}`, {
      preserveScroll: true,
      onStart: () => (removing.value = true),
      onFinish: () => {
        removing.value = false
        deleting.value = null
      },
      onSuccess: () => notify.success(t('radius.settings.deleted')),
      onError: (errors) => notify.error(String(errors.form ?? t('toast.failed'))),
    })
  }

  const settingsForm = useForm<{ isolatedBehaviour: IsolatedBehaviour }>({
    isolatedBehaviour: props.settings.isolatedBehaviour,
  })
  function saveSettings() {
    settingsForm.put('/radius/settings', {
      preserveScroll: true,
      onSuccess: () => notify.success(t('radius.settings.saved')),
    })
  }
  const behaviours = computed(() =>
    (['reject', 'isolir'] as const).map((value) => ({
      value,
      label: t(value === 'reject' ? 'radius.settings.reject' : 'radius.settings.accept'),
      description: t(
        value === 'reject' ? 'radius.settings.rejectHint' : 'radius.settings.acceptHint'
      ),
    }))
  )

  return {
    canManage,
    nas: computed(() => props.nas),
    freeradius: computed(() => props.freeradius),
    editing,
    formOpen,
    form,
    errorFor,
    openNew,
    openEdit,
    submit,
    deleting,
    deleteOpen,
    removing,
    askDelete: (nas: Nas) => (deleting.value = nas),
    confirmDelete,
    settingsForm,
    saveSettings,
    behaviours,
  }
}
