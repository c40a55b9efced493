import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { paginate } from '#core/http/pagination'

/** A row of `mikrotik_sync_logs`. */
export interface SyncLogRow {
  id: string | number
  router_id: string
  started_at: Date
  finished_at: Date
  outcome: 'ok' | 'failed'
  message: string | null
  counts: { hotspot?: number; pppoe?: number } | null
}

export function presentSyncLog(row: SyncLogRow) {
  const started = new Date(row.started_at)
  const finished = new Date(row.finished_at)
  return {
    id: String(row.id),
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.max(0, finished.getTime() - started.getTime()),
    outcome: row.outcome,
    message: row.message,
    hotspot: row.counts?.hotspot ?? null,
    pppoe: row.counts?.pppoe ?? null,
  }
}

export type SyncLogView = ReturnType<typeof presentSyncLog>

/** A router's sync history, newest first. Row-level security keeps it to the tenant. */
export function listSyncLogs(
  trx: TransactionClientContract,
  routerId: string,
  filters: { page?: number; perPage?: number; outcome?: 'ok' | 'failed' }
) {
  const query = trx.from('mikrotik_sync_logs').where('router_id', routerId)
  if (filters.outcome) query.where('outcome', filters.outcome)
  return paginate(
    query,
    filters,
    (q) => q.select('*').orderBy('started_at', 'desc').orderBy('id', 'desc'),
    (row: SyncLogRow) => presentSyncLog(row)
  )
}
