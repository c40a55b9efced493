import type { RedisService } from '@adonisjs/redis/types'
import { TieredCache } from '../cache/tiered_cache.js'
import { loadActor, type Actor } from './actor.js'

/** Actors by user id, cached like tenants; any change to a user or role forgets the user. */
export class ActorDirectory {
  #cache: TieredCache<Actor | null>

  constructor(redis: RedisService, prefix: string) {
    this.#cache = new TieredCache(redis, {
      namespace: 'actors',
      prefix,
      localTtlMs: 10_000,
      redisTtlSeconds: 300,
      serialize: (actor) => JSON.stringify(actor),
      deserialize: (raw) => JSON.parse(raw),
    })
  }

  listen() {
    return this.#cache.listen()
  }

  /** The cached actor without a promise, when process memory has it (the request hot path). */
  peek(userId: string) {
    return this.#cache.peek(userId)
  }

  get(userId: string) {
    return this.#cache.get(userId, () => loadActor(userId))
  }

  forget(userId: string) {
    return this.#cache.invalidate(userId)
  }

  clearLocalCache() {
    this.#cache.clearLocal()
  }
}
