import kernel from '#core/services/kernel'
import { withTenant, type TenantTransaction } from '#core/tenancy/tenant_db'
import { radiusAuthenticator, type RadiusAccount } from '../contracts.js'
import type { RadiusAttributes } from './rlm_rest.js'
import { text } from './rlm_rest.js'
import { findNas } from './nas_directory.js'
import { cacheGeneration, cachedAccount, rememberAccount } from './account_cache.js'
import { GroupCommit } from './group_commit.js'
import { literal, tenantSqlBatch } from './tenant_sql.js'
import { knownCounts, storeCounts, type Seen } from './open_sessions.js'

export type Decision =
  | { accept: true; account: RadiusAccount; reply: Record<string, string | number> }
  | { accept: false; code: string }

const normaliseMac = (mac?: string | null) => mac?.toLowerCase().replace(/[^0-9a-f]/g, '') ?? ''

const refuse = (code: string): Decision => ({ accept: false, code })

/**
 * Who may log in, decided in order: the NAS names the tenant; the tenant is
 * active and uses RADIUS; an enabled authenticator owns the username; the
 * account is active (or isolated, per the tenant's setting); the MAC matches
 * when bound; the simultaneous-use limit is not reached.
 *
 * NAS, tenant and enabled plugins come from process memory; an account whose
 * authenticator allows it is remembered (memory and Redis, see
 * account_cache.ts), and then the login costs one database round trip: the
 * open-session count (and the isolated setting, for an isolated account).
 */
export async function authorizeLogin(
  attributes: RadiusAttributes
): Promise<Decision & { tenantId?: string }> {
  const username = text(attributes, 'User-Name')
  if (!username) return refuse('USER_UNKNOWN')
  const nas = await findNas(text(attributes, 'NAS-IP-Address'))
  if (!nas) return refuse('NAS_UNKNOWN')
  const tenant = kernel.tenants.peekById(nas.tenantId) ?? (await kernel.tenants.byId(nas.tenantId))
  if (!tenant || tenant.status !== 'active')
    return { accept: false, code: 'TENANT_SUSPENDED', tenantId: nas.tenantId }
  const enabled = await kernel.enablement.enabledFor(tenant.id)
  if (!enabled.has('radius')) return { accept: false, code: 'RADIUS_DISABLED', tenantId: tenant.id }

  const mac = text(attributes, 'Calling-Station-Id')
  const cached = await cachedAccount(tenant.id, username)
  const decision =
    cached && enabled.has(cached.plugin)
      ? await decideRemembered(tenant.id, username, cached.account, mac)
      : await decideAsking(tenant.id, username, attributes)
  return { ...decision, tenantId: tenant.id }
}

/** Status and MAC of the account: the checks that need no database. */
function checkAccount(
  account: RadiusAccount,
  mac: string | undefined
): Decision | 'isolated' | null {
  if (account.status === 'isolated') return 'isolated'
  if (account.status !== 'active') {
    return refuse(account.status === 'expired' ? 'EXPIRED' : 'ACCOUNT_DISABLED')
  }
  return checkMac(account, mac)
}

function checkMac(account: RadiusAccount, mac: string | undefined): Decision | null {
  if (account.macAddress && normaliseMac(account.macAddress) !== normaliseMac(mac)) {
    return refuse('MAC_MISMATCH')
  }
  return null
}

/** What a remembered account's login still needs from the database. */
interface LiveCheck {
  tenantId: string
  username: string
  isolated: boolean
}

/**
 * Open-session counts (and the isolated setting) for every login waiting at
 * the moment. Counts Redis knows (see open_sessions.ts) need no database;
 * the others, and the isolated setting, are read one statement per tenant
 * in one round trip (see group_commit.ts), and the counts then kept in Redis.
 */
const liveChecks = new GroupCommit<LiveCheck, { open: number; isolatedBehaviour: string }>(
  async (checks) => {
    const byTenant = new Map<string, LiveCheck[]>()
    for (const check of checks) {
      const list = byTenant.get(check.tenantId)
      if (list) list.push(check)
      else byTenant.set(check.tenantId, [check])
    }
    const known = await Promise.all(
      [...byTenant].map(([tenantId, list]) =>
        knownCounts(tenantId, [...new Set(list.map((c) => c.username))])
      )
    )
    const answers = new Map<string, { open: Map<string, number>; isolatedBehaviour: string }>()
    const asks: { tenantId: string; missing: string[]; isolated: boolean; seen: Seen | null }[] = []
    ;[...byTenant].forEach(([tenantId, list], i) => {
      const { counts, seen } = known[i]
      answers.set(tenantId, { open: counts, isolatedBehaviour: 'reject' })
      const missing = [...new Set(list.map((c) => c.username))].filter((u) => !counts.has(u))
      const isolated = list.some((c) => c.isolated)
      if (missing.length || isolated) asks.push({ tenantId, missing, isolated, seen })
    })
    const rows = await tenantSqlBatch(
      asks.map(({ tenantId, missing, isolated }) => ({
        tenantId,
        statements: [
          missing.length
            ? `SELECT username, count(*)::int AS total FROM radius_sessions
           WHERE username IN (${missing.map((u) => literal(u)).join(', ')})
             AND stopped_at IS NULL GROUP BY username`
            : 'SELECT NULL AS username, 0 AS total WHERE false',
          isolated
            ? 'SELECT isolated_behaviour FROM radius_settings'
            : 'SELECT NULL AS isolated_behaviour WHERE false',
        ],
      }))
    )
    const storing: Promise<void>[] = []
    asks.forEach(({ tenantId, missing, seen }, i) => {
      const [counts, settings] = rows[i]
      const answer = answers.get(tenantId)!
      const counted = new Map<string, number>(missing.map((u) => [u, 0]))
      for (const r of counts as { username: string; total: number }[]) {
        counted.set(r.username, r.total)
      }
      for (const [username, total] of counted) answer.open.set(username, total)
      answer.isolatedBehaviour = settings[0]?.isolated_behaviour ?? 'reject'
      if (seen && missing.length) storing.push(storeCounts(seen, counted))
    })
    // Stored before answering, so the next login of the same user finds it (storeCounts never throws).
    await Promise.all(storing)
    return checks.map((check) => {
      const answer = answers.get(check.tenantId)!
      return {
        open: answer.open.get(check.username) ?? 0,
        isolatedBehaviour: answer.isolatedBehaviour,
      }
    })
  },
  { maxBatch: 200, concurrency: 2 }
)

/** An account (remembered or just found): one shared round trip for what changes by the second. */
async function decideRemembered(
  tenantId: string,
  username: string,
  account: RadiusAccount,
  mac: string | undefined,
  counting?: Promise<{ open: number; isolatedBehaviour: string }>
): Promise<Decision> {
  const checked = checkAccount(account, mac)
  if (checked !== null && checked !== 'isolated') return checked
  const isolated = checked === 'isolated'
  const live =
    counting && !isolated
      ? await counting
      : await liveChecks.submit({ tenantId, username, isolated })
  const reply = { ...account.reply }
  if (isolated) {
    if (live.isolatedBehaviour === 'reject') return refuse('ISOLATED')
    reply['Mikrotik-Address-List'] = 'isolir'
    const mismatch = checkMac(account, mac)
    if (mismatch) return mismatch
  }
  if (live.open >= account.simultaneousUse) return refuse('SIMULTANEOUS_USE')
  return { accept: true, account, reply }
}

type Found = { account: RadiusAccount; plugin: string } | null
interface Lookup {
  tenantId: string
  username: string
  client: { macAddress?: string; nasIp?: string }
}

async function lookUp(trx: TenantTransaction, { tenantId, username, client }: Lookup) {
  for (const { plugin, implementation } of await kernel.extensionsFor(
    radiusAuthenticator,
    tenantId
  )) {
    const account = await implementation.find({ tenantId, username, trx, client })
    if (account) return { account, plugin }
  }
  return null
}

/**
 * First logins waiting at the moment are looked up together: one tenant
 * transaction per tenant (BEGIN, the tenant, COMMIT paid once, not per
 * login). Should one lookup fail, the batch's transaction is lost: each is
 * then looked up again alone, so only the failing login fails.
 */
const lookups = new GroupCommit<Lookup, Found>(
  async (items) => {
    const byTenant = new Map<string, number[]>()
    items.forEach((item, i) => {
      const list = byTenant.get(item.tenantId)
      if (list) list.push(i)
      else byTenant.set(item.tenantId, [i])
    })
    const results: (Found | Error)[] = Array.from({ length: items.length }, () => null)
    const alone = (i: number) =>
      withTenant(items[i].tenantId, (trx) => lookUp(trx, items[i])).then(
        (found) => (results[i] = found),
        (error) => (results[i] = error instanceof Error ? error : new Error(String(error)))
      )
    await Promise.all(
      [...byTenant].map(async ([tenantId, indexes]) => {
        if (indexes.length === 1) return alone(indexes[0])
        try {
          const found = await withTenant(tenantId, (trx) =>
            Promise.all(indexes.map((i) => lookUp(trx, items[i])))
          )
          indexes.forEach((i, k) => (results[i] = found[k]))
        } catch {
          await Promise.all(indexes.map(alone))
        }
      })
    )
    return results
  },
  { maxBatch: 32, concurrency: 4 }
)

/**
 * Asks the tenant's authenticators (in a tenant transaction shared with the
 * first logins looked up at the same moment), remembers a reusable answer, then decides as for a remembered
 * one. The open-session count does not depend on the answer: it is asked for
 * at the same time, so a first login waits for the slower of the two, not both.
 */
async function decideAsking(
  tenantId: string,
  username: string,
  attributes: RadiusAttributes
): Promise<Decision> {
  const generation = cacheGeneration(tenantId)
  const client = {
    macAddress: text(attributes, 'Calling-Station-Id'),
    nasIp: text(attributes, 'NAS-IP-Address'),
  }
  const counting = liveChecks.submit({ tenantId, username, isolated: false })
  // Not needed when the username is unknown or refused before counting: never left unhandled.
  counting.catch(() => {})
  const found = await lookups.submit({ tenantId, username, client })
  if (!found) return refuse('USER_UNKNOWN')
  if (found.account.reuse) {
    // Not awaited: the answer does not wait for Redis (the cache never throws).
    void rememberAccount(tenantId, username, found.plugin, found.account, generation)
  }
  return decideRemembered(tenantId, username, found.account, client.macAddress, counting)
}
