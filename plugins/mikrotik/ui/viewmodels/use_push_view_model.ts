import { computed, onMounted, onUnmounted, watch } from 'vue'
import { router as inertia, useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import type { PushDraft, PushPageProps } from '../models/live'
import { messageOf, useNotice } from './form_support'

const POLL_MS = 2_000
const FINISHED = new Set(['completed', 'failed'])

/**
 * The voucher push page: a list of `name,password` lines and the profile they
 * get, queued for the worker; then the push's progress, asked again every
 * 2 s while it runs and the browser tab is visible.
 */
export function useVoucherPushViewModel(props: PushPageProps) {
  const { t } = useI18n()
  useNotice(() => props.notice)
  const base = computed(() => `/mikrotik/routers/${props.router.id}`)

  const form = useForm<PushDraft>({
    lines: '',
    profile: props.profiles[0]?.name ?? '',
    limitUptime: '',
    comment: '',
  })
  const errorFor = (field: string) => messageOf(form.errors as Record<string, unknown>, field)
  const lineCount = computed(
    () =>
      form.lines.split(/\r?\n/).filter((line) => line.trim() && !line.trim().startsWith('#')).length
  )
  const profileOptions = computed(() =>
    props.profiles.map((profile) => ({
      value: profile.name,
      label: profile.rateLimit ? `${profile.name} (${profile.rateLimit})` : profile.name,
    }))
  )

  function submit() {
    form
      .transform((draft) =>
        Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== ''))
      )
      .post(`${base.value}/push`, { preserveScroll: true })
  }

  const running = computed(() => Boolean(props.push && !FINISHED.has(props.push.state)))
  let timer: ReturnType<typeof setInterval> | undefined
  function poll() {
    if (document.visibilityState !== 'visible') return
    inertia.reload({ only: ['push'] })
  }
  function follow(active: boolean) {
    clearInterval(timer)
    timer = active ? setInterval(poll, POLL_MS) : undefined
  }
  onMounted(() => follow(running.value))
  watch(running, follow)
  onUnmounted(() => clearInterval(timer))

  const progress = computed(() => {
    const push = props.push
    if (!push) return null
    return {
      ...push,
      stateLabel: t(`mikrotik.push.state.${push.state}`),
      color:
        push.state === 'failed'
          ? ('error' as const)
          : push.state === 'completed'
            ? ('success' as const)
            : push.state === 'retrying'
              ? ('warning' as const)
              : ('primary' as const),
      counts: t('mikrotik.push.counts', {
        done: push.done,
        total: push.total,
        created: push.created,
        skipped: push.skipped,
      }),
    }
  })

  return {
    base,
    form,
    errorFor,
    lineCount,
    profileOptions,
    submit,
    running,
    progress,
    canWrite: computed(() => props.can.write),
    newPushHref: computed(() => `${base.value}/push`),
  }
}
