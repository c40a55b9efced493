import redis from '@adonisjs/redis/services/main'
import env from '#start/env'
import type { RadiusAccount } from '../contracts.js'

/** A remembered answer: the account, which plugin gave it, until when it holds. */
interface Entry {
  account: RadiusAccount
  plugin: string
  /** When the answer was made (ms): Session-Timeout is shortened by its age */
  at: number
  /** Until when it may be reused (ms) */
  until: number
}

/** Process memory holds an answer at most this long; Redis holds it until `until`. */
const LOCAL_MS = 10_000
/** Reuse asked for by an authenticator is capped at this. */
const MAX_REUSE_SECONDS = 3_600
/** A second forget after a change, for a login that read the old row just before the commit. */
const FORGET_AGAIN_MS = 1_500

/** The commands this cache uses: the app's Redis, or a stand-in (a broken one, in tests). */
type CacheRedis = Pick<typeof redis, 'hget' | 'hdel' | 'del' | 'publish' | 'multi'>
let override: CacheRedis | null = null
/**
 * Read when used, never at import: this module is loaded before the app's
 * Redis service exists, and a client captured then is undefined (every
 * command would fail as if Redis were down).
 */
const store = () => override ?? redis

/** Tests: answer through another Redis client (one that cannot connect, to see Redis down); null restores. */
export function useRedisForAccountCache(client: CacheRedis | null) {
  override = client
}

const prefix = () => `${env.get('REDIS_PREFIX') || 'isp'}`
const hashKey = (tenantId: string) => `${prefix()}:radius:accounts:${tenantId}`
const channel = () => `${prefix()}:invalidate:radius-accounts`

const local = new Map<string, Map<string, Entry & { localUntil: number }>>()
/** Bumped on every forget of a tenant: an answer loaded before a forget is not stored after it. */
const generation = new Map<string, number>()
/** Tenants whose forget could not reach Redis: their Redis answers are not trusted until it does. */
const unforgotten = new Set<string>()
let listening = false

function dropLocal(tenantId: string, username?: string) {
  generation.set(tenantId, (generation.get(tenantId) ?? 0) + 1)
  if (username === undefined) local.delete(tenantId)
  else local.get(tenantId)?.delete(username)
}

/** Other processes' forgets reach this one through Redis pub/sub. */
export async function listenForForgets() {
  if (listening) return
  listening = true
  try {
    await redis.subscribe(channel(), (message: string) => {
      const [tenantId, username] = message.split('\n')
      dropLocal(tenantId, username)
    })
  } catch {
    listening = false
  }
}

/** Retries forgets that failed while Redis was away; true once none is left. */
async function settleForgets(): Promise<boolean> {
  for (const tenantId of [...unforgotten]) {
    try {
      await store().del(hashKey(tenantId))
      await store().publish(channel(), tenantId)
      unforgotten.delete(tenantId)
    } catch {
      return false
    }
  }
  return true
}

export function cacheGeneration(tenantId: string) {
  return generation.get(tenantId) ?? 0
}

/**
 * The remembered answer for a username, from process memory or Redis, or
 * undefined when it must be asked for. Redis being down is a miss, never an error.
 */
export async function cachedAccount(
  tenantId: string,
  username: string
): Promise<{ account: RadiusAccount; plugin: string } | undefined> {
  const now = Date.now()
  const mine = local.get(tenantId)?.get(username)
  if (mine && mine.localUntil > now && mine.until > now) return aged(mine, now)
  if (unforgotten.size && !(await settleForgets())) return undefined
  if (unforgotten.has(tenantId)) return undefined
  const before = cacheGeneration(tenantId)
  let raw: string | null
  try {
    raw = await store().hget(hashKey(tenantId), username)
  } catch {
    return undefined
  }
  if (raw === null) return undefined
  const entry = JSON.parse(raw) as Entry
  if (entry.until <= now) return undefined
  if (cacheGeneration(tenantId) === before) remember(tenantId, username, entry, now)
  return aged(entry, now)
}

function remember(tenantId: string, username: string, entry: Entry, now: number) {
  let accounts = local.get(tenantId)
  if (!accounts) local.set(tenantId, (accounts = new Map()))
  accounts.set(username, { ...entry, localUntil: Math.min(entry.until, now + LOCAL_MS) })
}

/** Session-Timeout is time left from the moment of the answer: a reused answer counts it down. */
function aged(entry: Entry, now: number) {
  const timeout = entry.account.reply['Session-Timeout']
  if (typeof timeout !== 'number') return { account: entry.account, plugin: entry.plugin }
  const left = Math.max(1, timeout - Math.floor((now - entry.at) / 1000))
  return {
    account: { ...entry.account, reply: { ...entry.account.reply, 'Session-Timeout': left } },
    plugin: entry.plugin,
  }
}

/**
 * Remembers an answer its authenticator allowed to be reused, unless the
 * tenant's accounts were forgotten since `generationBefore` (the answer may
 * predate the change).
 */
export async function rememberAccount(
  tenantId: string,
  username: string,
  plugin: string,
  account: RadiusAccount,
  generationBefore: number
) {
  const reuse = account.reuse
  if (!reuse || !(reuse.seconds > 0)) return
  const now = Date.now()
  let until = now + Math.min(reuse.seconds, MAX_REUSE_SECONDS) * 1000
  if (reuse.until) until = Math.min(until, new Date(reuse.until).getTime())
  if (!(until > now + 1000)) return
  if (cacheGeneration(tenantId) !== generationBefore || unforgotten.has(tenantId)) return
  const stored = { ...account }
  delete stored.reuse
  const entry: Entry = { account: stored, plugin, at: now, until }
  remember(tenantId, username, entry, now)
  try {
    const key = hashKey(tenantId)
    await store()
      .multi()
      .hset(key, username, JSON.stringify(entry))
      .expire(key, MAX_REUSE_SECONDS)
      .exec()
  } catch {
    // Redis away: the answer lives in this process's memory only.
  }
}

/**
 * Forgets remembered answers of a tenant (all of them, or some usernames), in
 * every process. Called by the plugins that own accounts after they change one.
 */
export async function forgetAccounts(tenantId: string, usernames?: string[]) {
  await forgetNow(tenantId, usernames)
  setTimeout(() => void forgetNow(tenantId, usernames), FORGET_AGAIN_MS).unref()
}

async function forgetNow(tenantId: string, usernames?: string[]) {
  if (usernames) for (const username of usernames) dropLocal(tenantId, username)
  else dropLocal(tenantId)
  try {
    if (usernames?.length) {
      await store().hdel(hashKey(tenantId), ...usernames)
      for (const username of usernames) await store().publish(channel(), `${tenantId}\n${username}`)
    } else if (!usernames) {
      await store().del(hashKey(tenantId))
      await store().publish(channel(), tenantId)
    }
  } catch {
    unforgotten.add(tenantId)
  }
}
