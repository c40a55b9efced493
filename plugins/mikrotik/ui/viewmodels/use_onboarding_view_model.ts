import { computed, reactive, ref } from 'vue'
import { router as inertia } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import type { OnboardingPageProps } from '../models/live'

/**
 * The onboarding script page: the RADIUS values go into the URL and the
 * server answers with the script; the copy button puts it on the clipboard.
 */
export function useOnboardingViewModel(props: OnboardingPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const base = computed(() => `/mikrotik/routers/${props.router.id}`)
  const form = reactive({ ...props.form })
  const generating = ref(false)

  function generate() {
    const values = Object.fromEntries(
      Object.entries(form)
        .map(([key, value]) => [key, value.trim()])
        .filter(([, value]) => value !== '')
    )
    inertia.get(
      `${base.value}/onboarding`,
      { ...values, generate: '1' },
      {
        preserveScroll: true,
        // The secret stays out of the browser history entry the next visitor would see.
        replace: true,
        onStart: () => (generating.value = true),
        onFinish: () => (generating.value = false),
      }
    )
  }

  const copied = ref(false)
  async function copy() {
    if (!props.script) return
    try {
      await navigator.clipboard.writeText(props.script)
      copied.value = true
      notify.success(t('mikrotik.onboarding.copied'))
      setTimeout(() => (copied.value = false), 2000)
    } catch {
      notify.error(t('mikrotik.onboarding.copyFailed'))
    }
  }

  const steps = computed(() => [
    {
      key: 'api',
      icon: 'i-lucide-key-round',
      text: t('mikrotik.onboarding.steps.api', {
        user: props.router.apiUser,
        port: props.router.port,
      }),
    },
    { key: 'radius', icon: 'i-lucide-shield-check', text: t('mikrotik.onboarding.steps.radius') },
    { key: 'isolir', icon: 'i-lucide-ban', text: t('mikrotik.onboarding.steps.isolir') },
  ])

  return {
    base,
    form,
    errorFor: (field: string) => props.fieldErrors[field],
    generating,
    generate,
    copied,
    copy,
    steps,
    secretNote: computed(() =>
      props.script
        ? props.radiusSecretGenerated
          ? t('mikrotik.onboarding.secretGenerated', { secret: props.radiusSecret ?? '' })
          : t('mikrotik.onboarding.secretGiven')
        : null
    ),
  }
}
