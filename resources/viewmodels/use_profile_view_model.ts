import { computed } from 'vue'
import { useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useColorMode } from '@vueuse/core'
import { useNotify } from '../lib/notify'
import { usePreferencesStore } from '../stores/preferences_store'
import type { Locale } from '../models/panel'
import type { ProfilePageProps } from '../models/profile'
import type { ThemeChoice } from './use_app_layout_view_model'

/**
 * The user's own page: their name, their language (stored on the server, so
 * every device follows), their theme (this device) and a new password proven
 * by the current one.
 */
export function useProfileViewModel(props: ProfilePageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const preferences = usePreferencesStore()
  const colorMode = useColorMode()

  const details = useForm({ fullName: props.profile.fullName })
  function saveDetails() {
    details.post('/profile', {
      preserveScroll: true,
      onSuccess: () => notify.success(t('account.profile.saved')),
    })
  }

  const password = useForm({ currentPassword: '', password: '', passwordConfirmation: '' })
  function changePassword() {
    password.post('/profile/password', {
      preserveScroll: true,
      onSuccess: () => {
        password.reset()
        notify.success(t('account.profile.passwordChanged'))
      },
      onError: () => password.reset('currentPassword', 'password', 'passwordConfirmation'),
    })
  }

  const locale = computed(() => preferences.locale)
  const languages = computed(() =>
    (['id', 'en'] as Locale[]).map((value) => ({
      value,
      label: t(`account.profile.languages.${value}`),
    }))
  )
  function setLocale(value: Locale) {
    preferences.setLocale(value)
  }

  const theme = computed<ThemeChoice>({
    get: () => colorMode.store.value as ThemeChoice,
    set: (value) => {
      colorMode.store.value = value
    },
  })
  const themes = computed(() =>
    (
      [
        ['auto', 'i-lucide-monitor', 'shell.themeSystem'],
        ['light', 'i-lucide-sun', 'shell.themeLight'],
        ['dark', 'i-lucide-moon', 'shell.themeDark'],
      ] as const
    ).map(([value, icon, label]) => ({ value, icon, label: t(label) }))
  )

  return {
    details,
    saveDetails,
    password,
    changePassword,
    locale,
    languages,
    setLocale,
    theme,
    themes,
  }
}
