import { computed } from 'vue'
import { useForm, usePage } from '@inertiajs/vue3'
import type { SharedProps } from '../models/panel'

/** "Forgot password": one email field; the server answers the same for any email. */
export function useForgotPasswordViewModel() {
  const page = usePage<SharedProps>()
  const form = useForm({ email: '' })
  // A refusal that belongs to no field (too many requests) comes as `form`.
  const formError = computed(() => page.props.errors?.form ?? null)
  function submit() {
    form.post('/forgot-password', { preserveScroll: true })
  }
  return { form, submit, formError }
}

/**
 * "Set a new password" from the emailed link. A link that no longer works
 * (expired, already used) comes back as a form message with the way to ask
 * for a new one.
 */
export function useResetPasswordViewModel(props: { token: string }) {
  const page = usePage<SharedProps>()
  const form = useForm({ token: props.token, password: '', passwordConfirmation: '' })
  const linkError = computed(() => page.props.errors?.form ?? form.errors.token ?? null)
  function submit() {
    form.post('/reset-password', {
      preserveScroll: true,
      onFinish: () => form.reset('password', 'passwordConfirmation'),
    })
  }
  return { form, submit, linkError, missingToken: computed(() => !form.token) }
}
