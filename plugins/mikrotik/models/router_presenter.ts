/** A row of `mikrotik_routers` as PostgreSQL returns it. */
export interface RouterRow {
  id: string
  tenant_id: string
  name: string
  host: string
  port: number
  tls: boolean
  api_user: string
  api_password_encrypted: string
  sync_interval_seconds: number
  notes: string | null
  status: 'unknown' | 'online' | 'offline'
  last_seen_at: Date | null
  last_synced_at: Date | null
  last_error: string | null
  identity: string | null
  routeros_version: string | null
  board_name: string | null
  uptime: string | null
  cpu_load: number | null
  free_memory: string | number | null
  total_memory: string | number | null
  created_at: Date
  updated_at: Date
}

const count = (value: string | number | null) => (value === null ? null : Number(value))

/**
 * What leaves the server about a router. Built field by field, so the
 * encrypted API password (or any column added later) never slips out.
 */
export function presentRouter(row: RouterRow) {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls,
    apiUser: row.api_user,
    syncIntervalSeconds: row.sync_interval_seconds,
    notes: row.notes,
    status: row.status,
    lastSeenAt: row.last_seen_at,
    lastSyncedAt: row.last_synced_at,
    lastError: row.last_error,
    identity: row.identity,
    routerosVersion: row.routeros_version,
    boardName: row.board_name,
    uptime: row.uptime,
    cpuLoad: row.cpu_load,
    freeMemory: count(row.free_memory),
    totalMemory: count(row.total_memory),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export type RouterView = ReturnType<typeof presentRouter>
