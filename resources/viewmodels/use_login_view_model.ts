import { useForm } from '@inertiajs/vue3'
import { computed } from 'vue'
import { usePreferencesStore } from '../stores/preferences_store'

/**
 * Sign-in: posts the form to the session endpoint; the server answers with
 * the panel, or with the form again and a message on the email field.
 */
export function useLoginViewModel() {
  const preferences = usePreferencesStore()
  const form = useForm({ email: '', password: '' })

  function submit() {
    form.post('/login', { onFinish: () => form.reset('password') })
  }

  return {
    form,
    submit,
    locale: computed(() => preferences.locale),
    setLocale: preferences.setLocale,
  }
}
