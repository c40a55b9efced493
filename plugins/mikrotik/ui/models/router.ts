/** A router as the panel receives it (the server never sends the API password). */
export type RouterStatus = 'unknown' | 'online' | 'offline'

export interface RouterItem {
  id: string
  name: string
  host: string
  port: number
  tls: boolean
  status: RouterStatus
  lastSeenAt: string | null
  lastError: string | null
  routerosVersion: string | null
  boardName: string | null
  uptime: string | null
  cpuLoad: number | null
}

export interface RoutersPageProps {
  routers: {
    data: RouterItem[]
    meta: { total: number; page: number; perPage: number; lastPage: number }
  }
  filters: { q: string; status: RouterStatus | '' }
}
