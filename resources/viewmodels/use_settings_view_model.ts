import { computed, onBeforeUnmount, ref } from 'vue'
import { router, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../lib/notify'
import type { SettingsPageProps } from '../models/settings'

export const LOGO_TYPES = 'image/png,image/jpeg,image/webp'

/**
 * The account's settings: name, time zone and default language in one form;
 * the logo uploaded on its own (a preview before saving, removal asked first).
 * Every change is recorded in the audit log by the server.
 */
export function useSettingsViewModel(props: SettingsPageProps) {
  const { t } = useI18n()
  const notify = useNotify()

  const form = useForm({
    name: props.settings.name,
    timezone: props.settings.timezone,
    locale: props.settings.locale,
  })
  function save() {
    form.post('/settings', {
      preserveScroll: true,
      onSuccess: () => {
        form.defaults()
        notify.success(t('settings.saved'))
      },
    })
  }

  const zoneOptions = computed(() => props.timeZones.map((zone) => ({ value: zone, label: zone })))
  const localeOptions = computed(() =>
    (['id', 'en'] as const).map((value) => ({
      value,
      label: t(`account.profile.languages.${value}`),
    }))
  )

  const logo = useForm<{ logo: File | null }>({ logo: null })
  const preview = ref<string | null>(null)
  function chooseLogo(file: File | null) {
    if (preview.value) URL.revokeObjectURL(preview.value)
    logo.logo = file
    logo.clearErrors()
    preview.value = file ? URL.createObjectURL(file) : null
  }
  function uploadLogo() {
    if (!logo.logo) return
    logo.post('/settings/logo', {
      forceFormData: true,
      preserveScroll: true,
      onSuccess: () => {
        chooseLogo(null)
        notify.success(t('settings.logoSaved'))
      },
    })
  }
  onBeforeUnmount(() => preview.value && URL.revokeObjectURL(preview.value))

  const removeOpen = ref(false)
  const removing = ref(false)
  function removeLogo() {
    router.delete('/settings/logo', {
      preserveScroll: true,
      onStart: () => (removing.value = true),
      onFinish: () => (removing.value = false),
      onSuccess: () => {
        removeOpen.value = false
        notify.success(t('settings.logoRemoved'))
      },
    })
  }

  return {
    form,
    save,
    zoneOptions,
    localeOptions,
    logo,
    preview,
    chooseLogo,
    uploadLogo,
    currentLogo: computed(() => props.settings.logoUrl),
    removeOpen,
    removing,
    removeLogo,
  }
}
