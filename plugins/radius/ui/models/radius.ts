import type { PageMeta } from '../../../../resources/models/table'

/** What the RADIUS panel pages receive from the server, and helpers to show it. */

export interface Paginated<T> {
  data: T[]
  meta: PageMeta & { lastPage: number }
}

export interface Option {
  value: string
  label: string
}

export interface RadiusSession {
  id: string
  username: string
  nasId: string | null
  nasName: string | null
  framedIp: string | null
  macAddress: string | null
  startedAt: string
  updatedAt: string
  stoppedAt: string | null
  sessionTime: number
  inputOctets: number
  outputOctets: number
  terminateCause: string | null
}

export interface SessionOutcome {
  username: string
  ok: boolean
  via: 'coa' | 'disconnect' | 'router' | null
  outcome: 'acked' | 'refused' | 'no_answer' | null
  errorCause: string | null
  code: string | null
  message: string
}

export interface SessionActionResult {
  action: 'isolate' | 'restore' | 'change' | 'disconnect'
  ok: boolean
  sessions: SessionOutcome[]
}

export interface SessionsPageProps {
  sessions: Paginated<RadiusSession>
  filters: { username: string; nasId: string }
  nasOptions: Option[]
  lastAction: SessionActionResult | null
  can: { manage: boolean }
}

export interface HistoryFilters {
  username: string
  nasId: string
  from: string
  to: string
  terminateCause: string
}

export interface HistoryPageProps {
  sessions: Paginated<RadiusSession>
  filters: HistoryFilters
  nasOptions: Option[]
  causes: string[]
}

export interface AuthLogEntry {
  id: string
  username: string
  result: 'accept' | 'reject'
  reason: string | null
  nasIp: string | null
  macAddress: string | null
  createdAt: string
}

export interface LoginLogFilters {
  username: string
  result: string
  reason: string
}

export interface LoginLogPageProps {
  log: Paginated<AuthLogEntry>
  filters: LoginLogFilters
}

export interface UsageRow {
  day: string
  username: string
  inputOctets: number
  outputOctets: number
  totalOctets: number
  sessions: number
}

export interface UsageFilters {
  from: string
  to: string
  username: string
}

export interface UsagePageProps {
  report: Paginated<UsageRow> & {
    from: string
    to: string
    timezone: string
    total: { inputOctets: number; outputOctets: number; totalOctets: number }
  }
  filters: UsageFilters
  rangeError: string | null
}

export interface Nas {
  id: string
  name: string
  ipAddress: string
  nasIdentifier: string | null
  hasSecret: boolean
  coaPort: number | null
  routerId: string | null
  openSessions: number
  createdAt: string
}

export type IsolatedBehaviour = 'reject' | 'isolir'

export interface SettingsPageProps {
  settings: { isolatedBehaviour: IsolatedBehaviour }
  nas: Nas[]
  /** The MikroTik module's routers for the CoA fallback; null when the module is off */
  routers: { id: string; name: string }[] | null
  freeradius: {
    callerSecretSet: boolean
    callerSecretMasked: string
    secretHeader: string
    allowedSources: string
    endpoints: string[]
    command: string
  }
  can: { manage: boolean }
}

/** The NAS editor's fields. */
export interface NasDraft {
  name: string
  ipAddress: string
  nasIdentifier: string
  secret: string
  coaEnabled: boolean
  coaPort: number | null
  routerId: string
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/** Octets in the units operators read on MikroTik (1024-based), e.g. `1.5 GB`. */
export function formatBytes(octets: number, locale = 'id'): string {
  let value = octets
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-ID' : 'id-ID', {
    maximumFractionDigits: digits,
  }).format(value)
  return `${number} ${UNITS[unit]}`
}

/** Seconds as `1h 02m`, `3m 05s`, `2d 4h`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const days = Math.floor(s / 86_400)
  const hours = Math.floor((s % 86_400) / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const pad = (n: number) => String(n).padStart(2, '0')
  if (days > 0) return `${days}d ${hours}h`
  if (hours > 0) return `${hours}h ${pad(minutes)}m`
  return `${minutes}m ${pad(s % 60)}s`
}
