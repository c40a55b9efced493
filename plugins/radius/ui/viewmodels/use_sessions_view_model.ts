import { computed, ref, watch } from 'vue'
import { useForm } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { useNotify } from '../../../../resources/lib/notify'
import type { TableColumn } from '../../../../resources/models/table'
import type {
  RadiusSession,
  SessionActionResult,
  SessionOutcome,
  SessionsPageProps,
} from '../models/radius'
import { useFilteredList } from './use_filtered_list'
import { useSessionFormat } from './use_session_format'

const COLUMNS: TableColumn[] = [
  { key: 'username', label: 'radius.columns.username' },
  { key: 'nas', label: 'radius.columns.nas' },
  { key: 'started', label: 'radius.columns.started' },
  { key: 'duration', label: 'radius.columns.duration', align: 'end' },
  { key: 'download', label: 'radius.columns.download', align: 'end' },
  { key: 'upload', label: 'radius.columns.upload', align: 'end' },
]
const ACTIONS: TableColumn = { key: 'actions', label: 'radius.columns.actions', align: 'end' }

/** Who is online now; disconnect (after a confirmation) and a speed change by CoA. */
export function useSessionsViewModel(props: SessionsPageProps) {
  const { t } = useI18n()
  const notify = useNotify()
  const format = useSessionFormat()
  const list = useFilteredList({
    path: '/radius/sessions',
    only: ['sessions', 'filters', 'lastAction'],
    current: () => props.filters,
    meta: () => props.sessions.meta,
  })

  const canManage = computed(() => props.can.manage)
  const columns = computed(() => (canManage.value ? [...COLUMNS, ACTIONS] : COLUMNS))
  const rows = computed(() => props.sessions.data.map(format.sessionRow))

  /** The router's answer in the panel's language, from the outcome's codes. */
  function describe(outcome: SessionOutcome, action: SessionActionResult['action']) {
    const username = outcome.username
    if (outcome.ok) {
      if (outcome.via === 'router') return t('radius.outcome.router', { username })
      if (action === 'change' && outcome.via === 'disconnect')
        return t('radius.outcome.endedInstead', { username })
      return t(action === 'disconnect' ? 'radius.outcome.disconnected' : 'radius.outcome.changed', {
        username,
      })
    }
    if (outcome.code === 'NAS_REFUSED') {
      return t('radius.outcome.refused', {
        username,
        cause: outcome.errorCause ?? t('radius.outcome.noCause'),
      })
    }
    if (outcome.code === 'NAS_NO_ANSWER') return t('radius.outcome.noAnswer', { username })
    if (outcome.code === 'NAS_NO_COA') return t('radius.outcome.noCoa', { username })
    return t('radius.outcome.failed', { username, message: outcome.message })
  }

  function report(result: SessionActionResult | null) {
    if (!result) return
    for (const outcome of result.sessions) {
      if (outcome.ok) notify.success(describe(outcome, result.action))
      else notify.error(describe(outcome, result.action))
    }
  }
  watch(() => props.lastAction, report, { immediate: true })

  // Disconnect, after asking.
  const confirming = ref<RadiusSession | null>(null)
  const confirmOpen = computed({
    get: () => confirming.value !== null,
    set: (open: boolean) => {
      if (!open) confirming.value = null
    },
  })
  const disconnectForm = useForm({})
  function askDisconnect(session: RadiusSession) {
    confirming.value = session
  }
  function disconnect() {
    if (!confirming.value) return
    disconnectForm.post(`/radius/sessions/${confirming.value.id}/disconnect`, {
      preserveScroll: true,
      onFinish: () => (confirming.value = null),
      onError: (errors) => notify.error(String(errors.form ?? t('toast.failed'))),
    })
  }

  // A new rate limit by CoA.
  const changing = ref<RadiusSession | null>(null)
  const coaOpen = computed({
    get: () => changing.value !== null,
    set: (open: boolean) => {
      if (!open) changing.value = null
    },
  })
  const coaForm = useForm({ rateLimit: '' })
  const coaError = computed(() => {
    const errors = coaForm.errors as Record<string, string | undefined>
    if (errors['attributes.Mikrotik-Rate-Limit'] || errors.attributes) {
      return t('radius.sessions.rateLimitInvalid')
    }
    return errors.form
  })
  function askChange(session: RadiusSession) {
    coaForm.reset()
    coaForm.clearErrors()
    changing.value = session
  }
  function sendChange() {
    if (!changing.value) return
    coaForm
      .transform(({ rateLimit }) => ({ attributes: { 'Mikrotik-Rate-Limit': rateLimit } }))
      .post(`/radius/sessions/${changing.value.id}/coa`, {
        preserveScroll: true,
        onSuccess: () => (changing.value = null),
      })
  }

  const emptyTitle = computed(() =>
    list.filtered.value ? t('radius.sessions.noMatch') : t('radius.sessions.empty')
  )

  return {
    ...list,
    columns,
    rows,
    canManage,
    emptyTitle,
    confirming,
    confirmOpen,
    askDisconnect,
    disconnect,
    disconnecting: computed(() => disconnectForm.processing),
    changing,
    coaOpen,
    coaForm,
    coaError,
    askChange,
    sendChange,
  }
}
