import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { RouterError, type RouterClient } from '../routeros/index.js'
import { useRouter, type RouterTarget } from './router_gateway.js'

/** What /system/resource and /system/identity tell about a router. */
export interface RouterFacts {
  identity: string | null
  routerosVersion: string | null
  boardName: string | null
  uptime: string | null
  cpuLoad: number | null
  freeMemory: number | null
  totalMemory: number | null
}

export type ProbeOutcome =
  | { ok: true; status: 'online'; facts: RouterFacts }
  | { ok: false; status: 'offline'; error: RouterError }

const numberOrNull = (value: string | undefined) => {
  const parsed = value === undefined || value === '' ? Number.NaN : Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

/**
 * Asks /system/resource and /system/identity on an open connection. Tagged
 * commands share the connection: both questions travel at once, and a caller
 * may send more (the sync sends the session lists alongside).
 */
export async function readFacts(client: RouterClient): Promise<RouterFacts> {
  const [[resource = {}], [identity = {}]] = await Promise.all([
    client.print('/system/resource'),
    client.print('/system/identity'),
  ])
  return {
    identity: identity.name ?? null,
    routerosVersion: resource.version ?? null,
    boardName: resource['board-name'] ?? null,
    uptime: resource.uptime ?? null,
    cpuLoad: numberOrNull(resource['cpu-load']),
    freeMemory: numberOrNull(resource['free-memory']),
    totalMemory: numberOrNull(resource['total-memory']),
  }
}

/** Logs in with the stored credentials and reads the router's identity and resources. */
export async function probeRouter(router: RouterTarget): Promise<ProbeOutcome> {
  try {
    const facts = await useRouter(router, readFacts)
    return { ok: true, status: 'online', facts }
  } catch (error) {
    // Only the router's failures mean "offline"; anything else is a bug to surface.
    if (error instanceof RouterError) return { ok: false, status: 'offline', error }
    throw error
  }
}

/** The columns a contact with the router sets: its facts when it answered, the reason when not. */
export function probeColumns(outcome: ProbeOutcome, now = new Date()): Record<string, unknown> {
  return outcome.ok
    ? {
        status: 'online',
        last_seen_at: now,
        last_error: null,
        identity: outcome.facts.identity?.slice(0, 100) ?? null,
        routeros_version: outcome.facts.routerosVersion?.slice(0, 60) ?? null,
        board_name: outcome.facts.boardName?.slice(0, 100) ?? null,
        uptime: outcome.facts.uptime?.slice(0, 40) ?? null,
        cpu_load: outcome.facts.cpuLoad,
        free_memory: outcome.facts.freeMemory,
        total_memory: outcome.facts.totalMemory,
      }
    : { status: 'offline', last_error: outcome.error.message.slice(0, 1000) }
}

/** Saves what a contact with the router showed: its facts when it answered, the reason when not. */
export async function recordProbe(
  trx: TransactionClientContract,
  routerId: string,
  outcome: ProbeOutcome,
  extra: Record<string, unknown> = {}
) {
  const now = new Date()
  const columns = probeColumns(outcome, now)
  const [row] = await trx
    .from('mikrotik_routers')
    .where('id', routerId)
    .update({ ...columns, ...extra, updated_at: now })
    .returning('*')
  return row ?? null
}
