import { createHash } from 'node:crypto'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'

/**
 * Open-session counts per username, kept in Redis so that a login's
 * simultaneous-use check needs no database round trip. The database stays
 * the truth: a count is only ever written from a database count or moved by
 * a committed accounting write, and anything uncertain drops it, so the
 * next login counts in the database again.
 *
 * One hash per tenant; per username `n:<user>` (the count), `p:<user>`
 * (accounting writes in flight) and `e:<user>` (bumped by every write); `g`
 * and `r` do the same for NAS restarts, which close sessions of unknown users.
 *
 *  - An accounting batch marks its users before the database write (p + 1,
 *    e + 1) and settles them after the commit: the count moves by what the
 *    write changed (a session opened: + 1, closed: − 1), or is dropped when
 *    that is not known.
 *  - A login whose count is missing counts in the database and stores the
 *    result only if no write of that user was in flight nor started
 *    meanwhile (same `e`, no `p`, same `g`, no `r`), so a count never misses
 *    or doubles a write.
 *  - Redis down: counts come from the database; writes that could not be
 *    settled are dropped from Redis once it is back, before any count is
 *    trusted again. The hash expires a while after it was made, whatever
 *    happens, so even a process dying mid-write leaves no lasting error.
 *
 * Only accounting (accounting.ts) opens and closes sessions; anything that
 * ever changes `radius_sessions.stopped_at` otherwise must settle its users here too.
 */
const TTL_SECONDS = 300

type CountsRedis = Pick<typeof redis, 'hmget' | 'eval' | 'evalsha'>
let override: CountsRedis | null = null
/** Read when used, never at import: the app's Redis service exists only once the app has booted. */
const store = () => override ?? redis

/** Tests: another Redis client (one that cannot connect, to see Redis down); null restores. */
export function useRedisForOpenSessions(client: CountsRedis | null) {
  override = client
}

const prefix = () => `${env.get('REDIS_PREFIX') || 'isp'}`
const hashKey = (tenantId: string) => `${prefix()}:radius:open:${tenantId}`

/** Writes this process could not settle in Redis: tenant → usernames (all of them for '*'). */
const unsettled = new Map<string, Set<string>>()

const MARK = `
local key = KEYS[1]
if ARGV[1] == '1' then
  redis.call('HINCRBY', key, 'g', 1)
  redis.call('HINCRBY', key, 'r', 1)
end
for i = 2, #ARGV do
  redis.call('HINCRBY', key, 'p:' .. ARGV[i], 1)
  redis.call('HINCRBY', key, 'e:' .. ARGV[i], 1)
end
redis.call('EXPIRE', key, ${TTL_SECONDS}, 'NX')
return 1`

/* ARGV: restart flag, then triples username, delta ('' = not known), marked ('1'/'0'). */
const SETTLE = `
local key = KEYS[1]
if ARGV[1] == '1' then
  redis.call('HINCRBY', key, 'g', 1)
  local r = tonumber(redis.call('HGET', key, 'r'))
  if r and r > 1 then redis.call('HINCRBY', key, 'r', -1) else redis.call('HDEL', key, 'r') end
  for _, field in ipairs(redis.call('HKEYS', key)) do
    if string.sub(field, 1, 2) == 'n:' then redis.call('HDEL', key, field) end
  end
end
for i = 2, #ARGV, 3 do
  local user, delta, marked = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local sure = delta ~= ''
  if marked == '1' then
    local p = tonumber(redis.call('HGET', key, 'p:' .. user))
    if not p or p < 1 then sure = false
    elseif p == 1 then redis.call('HDEL', key, 'p:' .. user)
    else redis.call('HINCRBY', key, 'p:' .. user, -1) end
  else
    sure = false
  end
  redis.call('HINCRBY', key, 'e:' .. user, 1)
  if not sure then
    redis.call('HDEL', key, 'n:' .. user)
  elseif redis.call('HEXISTS', key, 'n:' .. user) == 1 then
    if redis.call('HINCRBY', key, 'n:' .. user, tonumber(delta)) < 0 then
      redis.call('HDEL', key, 'n:' .. user)
    end
  end
end
return 1`

/* ARGV: seen g, then triples username, seen e, count. */
const STORE = `
local key = KEYS[1]
if (redis.call('HGET', key, 'g') or '') ~= ARGV[1] or redis.call('HEXISTS', key, 'r') == 1 then
  return 0
end
for i = 2, #ARGV, 3 do
  local user = ARGV[i]
  if redis.call('HEXISTS', key, 'p:' .. user) == 0
    and (redis.call('HGET', key, 'e:' .. user) or '') == ARGV[i + 1] then
    redis.call('HSET', key, 'n:' .. user, ARGV[i + 2])
  end
end
redis.call('EXPIRE', key, ${TTL_SECONDS}, 'NX')
return 1`

const shas = new Map<string, string>()

/** Runs a script by its digest (Redis keeps it compiled), sending its text only when Redis lacks it. */
async function run(script: string, key: string, args: string[]) {
  let sha = shas.get(script)
  if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')))
  try {
    return await store().evalsha(sha, 1, key, ...args)
  } catch (error) {
    if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error
    return await store().eval(script, 1, key, ...args)
  }
}

/** Drops from Redis the counts of writes that could not be settled; true once none is left. */
async function settleLeftovers(): Promise<boolean> {
  for (const [tenantId, users] of [...unsettled]) {
    try {
      const restart = users.has('*')
      const args = [...users].filter((u) => u !== '*').flatMap((u) => [u, '', '0'])
      await run(SETTLE, hashKey(tenantId), [restart ? '1' : '0', ...args])
      unsettled.delete(tenantId)
    } catch {
      return false
    }
  }
  return true
}

/** What a read saw, for storing a count counted in the database meanwhile. */
export interface Seen {
  tenantId: string
  generation: string
  /** Usernames whose count may be stored, with the write epoch seen */
  storable: Map<string, string>
}

/**
 * Known open-session counts of some usernames of a tenant, and what is
 * needed to store the others after counting them in the database. Redis
 * down, or writes not yet settled: nothing known.
 */
export async function knownCounts(
  tenantId: string,
  usernames: string[]
): Promise<{ counts: Map<string, number>; seen: Seen | null }> {
  const counts = new Map<string, number>()
  if (unsettled.size && !(await settleLeftovers())) return { counts, seen: null }
  let values: (string | null)[]
  try {
    values = await store().hmget(
      hashKey(tenantId),
      'g',
      'r',
      ...usernames.flatMap((u) => [`n:${u}`, `p:${u}`, `e:${u}`])
    )
  } catch {
    return { counts, seen: null }
  }
  const [generation, restarting] = values
  const storable = new Map<string, string>()
  usernames.forEach((username, i) => {
    const [n, p, e] = values.slice(2 + 3 * i, 5 + 3 * i)
    if (n !== null && n !== undefined) counts.set(username, Number(n))
    else if (p === null || p === undefined) storable.set(username, e ?? '')
  })
  return {
    counts,
    seen: restarting === null ? { tenantId, generation: generation ?? '', storable } : null,
  }
}

/** Stores counts just counted in the database, where nothing changed since `seen`. */
export async function storeCounts(seen: Seen, counted: Map<string, number>) {
  const args: string[] = []
  for (const [username, epoch] of seen.storable) {
    args.push(username, epoch, String(counted.get(username) ?? 0))
  }
  if (!args.length) return
  try {
    await run(STORE, hashKey(seen.tenantId), [seen.generation, ...args])
  } catch {
    // Redis away: the next login counts in the database again.
  }
}

/** The users an accounting batch writes, per tenant, and whether it restarts a NAS. */
export type WriteMarks = Map<string, { users: Set<string>; restart: boolean; marked: boolean }>

/** Before the database write: marks its users as being written. */
export async function markWrites(writes: WriteMarks) {
  await Promise.all(
    [...writes].map(async ([tenantId, write]) => {
      try {
        await run(MARK, hashKey(tenantId), [write.restart ? '1' : '0', ...write.users])
        write.marked = true
      } catch {
        // Not marked: settling finds no mark and drops the counts.
      }
    })
  )
}

/**
 * After the write (committed or not): moves each count by `deltas`
 * (username → change; null: not known, the count is dropped). `deltas`
 * null: nothing is known, every count of the write is dropped.
 */
export async function settleWrites(
  writes: WriteMarks,
  deltas: Map<string, Map<string, number | null>> | null
) {
  await Promise.all(
    [...writes].map(async ([tenantId, write]) => {
      const changes = deltas?.get(tenantId)
      const users = new Set([...write.users, ...(changes?.keys() ?? [])])
      const args: string[] = []
      for (const user of users) {
        // No changes at all: the write failed or went row by row; even a failed one may have
        // committed (a connection lost after the commit), so nothing is known.
        const delta =
          deltas === null
            ? null
            : changes?.has(user)
              ? changes.get(user)
              : write.users.has(user)
                ? 0
                : null
        const marked = write.marked && write.users.has(user)
        args.push(
          user,
          delta === null || delta === undefined ? '' : String(delta),
          marked ? '1' : '0'
        )
      }
      try {
        await run(SETTLE, hashKey(tenantId), [write.restart ? '1' : '0', ...args])
      } catch {
        let left = unsettled.get(tenantId)
        if (!left) unsettled.set(tenantId, (left = new Set()))
        for (const user of users) left.add(user)
        if (write.restart) left.add('*')
      }
    })
  )
}
