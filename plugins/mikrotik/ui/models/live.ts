import type { Notice, Paged, RouterAbilities, RouterFailure, RouterItem } from './router'

/** What the router's live tabs receive: read from the router when the page loads. */
export type SessionType = 'hotspot' | 'pppoe'

export interface ActiveSession {
  id: string
  type: SessionType
  user: string
  address: string | null
  macAddress: string | null
  uptime: string | null
  bytesIn: number | null
  bytesOut: number | null
}

export interface RouterAccount {
  id: string
  type: SessionType
  name: string
  profile: string | null
  comment: string | null
  disabled: boolean
  limitUptime?: string | null
  service?: string | null
}

export interface RouterProfile {
  name: string
  rateLimit: string | null
}

export interface DhcpLease {
  id: string
  address: string | null
  macAddress: string | null
  hostName: string | null
  server: string | null
  status: string | null
  expiresAfter: string | null
  lastSeen: string | null
  dynamic: boolean
  blocked: boolean
  disabled: boolean
}

export interface SyncLog {
  id: string
  startedAt: string
  finishedAt: string
  durationMs: number
  outcome: 'ok' | 'failed'
  message: string | null
  hotspot: number | null
  pppoe: number | null
}

export type RouterTab = 'overview' | 'sessions' | 'accounts' | 'leases' | 'logs' | 'settings'

export interface RouterPageProps {
  router: RouterItem
  tab: RouterTab
  query: { q: string; page: number; type: SessionType | '' }
  sessions:
    (Paged<ActiveSession> & { counts: { hotspot: number; pppoe: number }; readAt: string }) | null
  accounts: (Paged<RouterAccount> & { profiles: Record<SessionType, RouterProfile[]> }) | null
  leases: Paged<DhcpLease> | null
  logs: Paged<SyncLog> | null
  lastSync: SyncLog | null
  liveError: RouterFailure | null
  notice: Notice | null
  can: RouterAbilities
}

export interface AccountDraft {
  type: SessionType
  name: string
  password: string
  profile: string
  limitUptime: string
  comment: string
  disabled: boolean
}

export interface PushProgress {
  batchId: string
  routerId: string
  state: 'queued' | 'running' | 'retrying' | 'completed' | 'failed'
  total: number
  done: number
  created: number
  skipped: number
  percent: number
  attempts: number
  error: string | null
  queuedAt: string
  finishedAt: string | null
}

export interface PushPageProps {
  router: { id: string; name: string; status: string }
  profiles: RouterProfile[]
  liveError: RouterFailure | null
  push: PushProgress | null
  batchId: string | null
  notice: Notice | null
  can: RouterAbilities
}

export interface PushDraft {
  lines: string
  profile: string
  limitUptime: string
  comment: string
}

export interface OnboardingPageProps {
  router: { id: string; name: string; apiUser: string; port: number; tls: boolean }
  form: {
    radiusAddress: string
    radiusSecret: string
    isolirAddress: string
    platformAddress: string
  }
  fieldErrors: Record<string, string>
  blocked: string | null
  script: string | null
  radiusSecret: string | null
  radiusSecretGenerated: boolean
}

/** Bytes as a person reads traffic: KB, MB, GB. */
export function formatTraffic(value: number | null): string {
  if (value === null) return '—'
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let amount = value
  let unit = 0
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024
    unit++
  }
  return `${amount >= 10 || unit === 0 ? Math.round(amount) : amount.toFixed(1)} ${units[unit]}`
}
