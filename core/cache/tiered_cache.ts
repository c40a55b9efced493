import type { RedisService } from '@adonisjs/redis/types'

/**
 * Process memory → Redis → loader (the database). Hot request paths (tenant
 * and plugin lookups) read from memory; a write anywhere publishes an
 * invalidation so every web and worker process drops its copy at once.
 * When Redis is down the loader still answers: slower, never wrong.
 */
export class TieredCache<T> {
  #local = new Map<string, { value: T; expiresAt: number }>()
  #subscribed = false

  constructor(
    private redis: RedisService,
    private options: {
      namespace: string
      prefix: string
      localTtlMs: number
      redisTtlSeconds: number
      serialize: (value: T) => string
      deserialize: (raw: string) => T
    }
  ) {}

  get #channel() {
    return `${this.options.prefix}:invalidate:${this.options.namespace}`
  }

  #key(key: string) {
    return `${this.options.prefix}:${this.options.namespace}:${key}`
  }

  /** Subscribe to invalidations from other processes (once per process). */
  async listen() {
    if (this.#subscribed) return
    this.#subscribed = true
    try {
      await this.redis.subscribe(this.#channel, (key: string) => {
        if (key === '*') this.#local.clear()
        else this.#local.delete(key)
      })
    } catch {
      this.#subscribed = false
    }
  }

  /** The value held in process memory, if fresh: lets hot paths skip a promise. */
  peek(key: string): T | undefined {
    const hit = this.#local.get(key)
    return hit && hit.expiresAt > Date.now() ? hit.value : undefined
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.peek(key)
    if (hit !== undefined) return hit

    let value: T | undefined
    try {
      const raw = await this.redis.get(this.#key(key))
      if (raw !== null) value = this.options.deserialize(raw)
    } catch {
      // Redis unavailable: fall through to the loader.
    }
    if (value === undefined) {
      value = await load()
      try {
        await this.redis.setex(
          this.#key(key),
          this.options.redisTtlSeconds,
          this.options.serialize(value)
        )
      } catch {}
    }
    this.#local.set(key, { value, expiresAt: Date.now() + this.options.localTtlMs })
    return value
  }

  async invalidate(key: string) {
    this.#local.delete(key)
    try {
      await this.redis.del(this.#key(key))
      await this.redis.publish(this.#channel, key)
    } catch {}
  }

  /** Forget everything this process holds (tests, or after a bulk change). */
  clearLocal() {
    this.#local.clear()
  }
}
