/** A router as the panel receives it (the server never sends the API password). */
export type RouterStatus = 'unknown' | 'online' | 'offline'

export interface RouterItem {
  id: string
  name: string
  host: string
  port: number
  tls: boolean
  apiUser: string
  syncIntervalSeconds: number
  notes: string | null
  status: RouterStatus
  lastSeenAt: string | null
  lastSyncedAt: string | null
  lastError: string | null
  identity: string | null
  routerosVersion: string | null
  boardName: string | null
  uptime: string | null
  cpuLoad: number | null
  freeMemory: number | null
  totalMemory: number | null
}

export interface PageMeta {
  total: number
  page: number
  perPage: number
  lastPage: number
}

export interface Paged<T> {
  data: T[]
  meta: PageMeta
}

export interface RouterAbilities {
  write: boolean
  delete: boolean
}

/** A one-time message after a form or button: `key` names the text under `mikrotik.notice`. */
export interface Notice {
  kind: 'success' | 'warning' | 'error'
  key: string
  detail?: string
}

export interface RouterFailure {
  code: string
  message: string
}

export interface RoutersPageProps {
  routers: Paged<RouterItem>
  filters: { q: string; status: RouterStatus | ''; page: number }
  notice: Notice | null
  can: RouterAbilities
}

/** What the add and edit forms send; `apiPassword` blank on edit keeps the stored one. */
export interface RouterDraft {
  name: string
  host: string
  port: string
  tls: boolean
  apiUser: string
  apiPassword: string
  syncIntervalSeconds: string
  notes: string
}

/** The typed body the forms post, built from a draft. */
export function routerPayload(draft: RouterDraft, editing: boolean) {
  const payload: Record<string, unknown> = {
    name: draft.name.trim(),
    host: draft.host.trim(),
    tls: draft.tls,
    apiUser: draft.apiUser.trim(),
    notes: draft.notes.trim() === '' ? (editing ? null : undefined) : draft.notes,
  }
  if (draft.port.trim() !== '') payload.port = Number(draft.port)
  if (draft.syncIntervalSeconds.trim() !== '')
    payload.syncIntervalSeconds = Number(draft.syncIntervalSeconds)
  if (draft.apiPassword !== '' || !editing) payload.apiPassword = draft.apiPassword
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined))
}

export const EMPTY_ROUTER_DRAFT: RouterDraft = {
  name: '',
  host: '',
  port: '',
  tls: false,
  apiUser: '',
  apiPassword: '',
  syncIntervalSeconds: '',
  notes: '',
}

export function draftOf(router: RouterItem): RouterDraft {
  return {
    name: router.name,
    host: router.host,
    port: String(router.port),
    tls: router.tls,
    apiUser: router.apiUser,
    apiPassword: '',
    syncIntervalSeconds: String(router.syncIntervalSeconds),
    notes: router.notes ?? '',
  }
}

/** Memory in MB or GB as an operator reads it on Winbox. */
export function formatBytes(value: number | null): string {
  if (value === null) return '—'
  const mb = value / 2 ** 20
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`
}
