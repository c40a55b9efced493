import { usePage } from '@inertiajs/vue3'
import { useI18n } from 'vue-i18n'
import { formatDate } from '../../../../resources/lib/format'
import type { Locale, SharedProps } from '../../../../resources/models/panel'
import { formatBytes, formatDuration, type RadiusSession } from '../models/radius'

/** Dates in the tenant's zone, bytes and durations as the session tables show them. */
export function useSessionFormat() {
  const page = usePage<SharedProps>()
  const { locale } = useI18n()
  const timeZone = () => page.props.tenant?.timezone ?? undefined
  const when = (value: string | null) =>
    value
      ? formatDate(value, { locale: locale.value as Locale, timeZone: timeZone(), withTime: true })
      : '—'
  const bytes = (octets: number) => formatBytes(octets, locale.value)
  const sessionRow = (s: RadiusSession) => ({
    ...s,
    startedLabel: when(s.startedAt),
    stoppedLabel: when(s.stoppedAt),
    durationLabel: formatDuration(s.sessionTime),
    // The NAS counts from its side: input is what the customer sent (upload), output what they received.
    downloadLabel: bytes(s.outputOctets),
    uploadLabel: bytes(s.inputOctets),
    nasLabel: s.nasName ?? '—',
  })
  return { when, bytes, sessionRow, timeZone }
}
