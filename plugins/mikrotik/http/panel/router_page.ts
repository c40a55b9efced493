import type { HttpContext } from '@adonisjs/core/http'
import { RouterError } from '../../routeros/index.js'
import { routerPageValidator } from '../../validators.js'
import { findRouter } from '../../models/router_queries.js'
import { presentRouter, type RouterRow } from '../../models/router_presenter.js'
import { listSyncLogs, presentSyncLog } from '../../models/sync_log_queries.js'
import { useRouter } from '../../services/router_gateway.js'
import { routerApiError } from '../../services/router_errors.js'
import { readLeases, readUsers } from '../../services/router_reads.js'
import { readSessions } from '../../services/router_sessions.js'
import { readProfiles } from '../../services/router_accounts.js'
import { cacheSessions } from '../../services/session_cache.js'
import { recordProbe } from '../../services/router_status.js'
import { renderNotFound, routerAbilities, takeNotice } from './panel_support.js'

const PER_PAGE = 25
type Tab = 'overview' | 'sessions' | 'accounts' | 'leases' | 'logs' | 'settings'
interface Query {
  q?: string
  page?: number
  type?: 'hotspot' | 'pppoe'
}

/** One page of a list the router sent whole, searched on the fields a person reads. */
function pageOf<T>(rows: T[], query: Query, text: (row: T) => (string | null)[]) {
  const needle = query.q?.toLowerCase()
  const matching = needle
    ? rows.filter((row) => text(row).some((value) => value?.toLowerCase().includes(needle)))
    : rows
  const lastPage = Math.max(1, Math.ceil(matching.length / PER_PAGE))
  const page = Math.min(query.page ?? 1, lastPage)
  return {
    data: matching.slice((page - 1) * PER_PAGE, page * PER_PAGE),
    meta: { total: matching.length, page, perPage: PER_PAGE, lastPage },
  }
}

/** What the tab shows from the router itself, asked now. */
async function readTab(router: RouterRow, tab: Tab, query: Query) {
  if (tab === 'sessions') {
    const sessions = await useRouter(router, readSessions)
    const cached = await cacheSessions(router.tenant_id, router.id, sessions)
    const filtered = query.type ? sessions.filter((s) => s.type === query.type) : sessions
    return {
      sessions: {
        ...pageOf(filtered, query, (s) => [s.user, s.address, s.macAddress]),
        counts: {
          hotspot: sessions.filter((s) => s.type === 'hotspot').length,
          pppoe: sessions.filter((s) => s.type === 'pppoe').length,
        },
        readAt: cached.syncedAt,
      },
    }
  }
  if (tab === 'accounts') {
    const { users, profiles } = await useRouter(router, async (client) => {
      const [list, available] = await Promise.all([readUsers(client), readProfiles(client)])
      return { users: list, profiles: available }
    })
    const filtered = query.type ? users.filter((u) => u.type === query.type) : users
    return {
      accounts: {
        ...pageOf(filtered, query, (u) => [u.name, u.profile, u.comment]),
        profiles,
      },
    }
  }
  if (tab === 'leases') {
    const leases = await useRouter(router, readLeases)
    return { leases: pageOf(leases, query, (l) => [l.address, l.macAddress, l.hostName]) }
  }
  return {}
}

/**
 * A router's page: status overview, online customers, accounts, DHCP leases,
 * sync history and settings, one tab at a time. Live tabs ask the router
 * when the page (or its poll) loads; a router that does not answer shows its
 * reason in place of the list and is marked offline.
 */
export default class RouterPage {
  async handle(ctx: HttpContext) {
    const id = String(ctx.params.id)
    const trx = await ctx.tenantDb()
    const found = await findRouter(trx, id)
    if (!found) return renderNotFound(ctx)
    let router: RouterRow = found

    const [invalid, parsed] = await ctx.request.tryValidateUsing(routerPageValidator)
    const input = invalid ? {} : parsed
    const tab: Tab = input.tab ?? 'overview'
    const query: Query = { q: input.q, page: input.page, type: input.type }

    let live: Record<string, unknown> = {}
    let liveError: { code: string; message: string } | null = null
    try {
      live = await readTab(router, tab, query)
    } catch (error) {
      if (!(error instanceof RouterError)) throw error
      const answer = routerApiError(router, error)
      liveError = { code: error.code, message: answer.message }
      const saved = await recordProbe(trx, router.id, { ok: false, status: 'offline', error })
      if (saved) router = saved
    }

    const [lastSync] = (
      await trx
        .from('mikrotik_sync_logs')
        .where('router_id', router.id)
        .orderBy('started_at', 'desc')
        .limit(1)
    ).map(presentSyncLog)

    return ctx.inertia.render('mikrotik/router', {
      router: presentRouter(router),
      tab,
      query: { q: query.q ?? '', page: query.page ?? 1, type: query.type ?? '' },
      sessions: live.sessions ?? null,
      accounts: live.accounts ?? null,
      leases: live.leases ?? null,
      logs:
        tab === 'logs'
          ? await listSyncLogs(trx, router.id, { page: query.page, perPage: PER_PAGE })
          : null,
      lastSync: lastSync ?? null,
      liveError,
      notice: takeNotice(ctx),
      can: routerAbilities(ctx),
    })
  }
}
