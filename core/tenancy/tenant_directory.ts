import { platformDb } from './tenant_db.js'
import type { RedisService } from '@adonisjs/redis/types'
import { TieredCache } from '../cache/tiered_cache.js'

export type TenantStatus = 'active' | 'deactivated' | 'panel_isolated'

/** What a request needs to know about its tenant; cached, so keep it small. */
export interface TenantSummary {
  id: string
  slug: string
  name: string
  status: TenantStatus
  timezone: string
  locale: string
}

/**
 * Finds tenants by id or by the host a request arrived on: a custom domain
 * (`panel.alphanet.id`) or a subdomain of the platform's base domain
 * (`alpha.isp.example.com`).
 */
export class TenantDirectory {
  #cache: TieredCache<TenantSummary | null>

  constructor(
    redis: RedisService,
    prefix: string,
    private baseDomain: string | undefined
  ) {
    this.#cache = new TieredCache(redis, {
      namespace: 'tenants',
      prefix,
      localTtlMs: 10_000,
      redisTtlSeconds: 600,
      serialize: (t) => JSON.stringify(t),
      deserialize: (raw) => JSON.parse(raw),
    })
  }

  listen() {
    return this.#cache.listen()
  }

  clearLocalCache() {
    this.#cache.clearLocal()
  }

  byId(id: string): Promise<TenantSummary | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null)
    return this.#cache.get(`id:${id}`, () => this.#query((q) => q.where('id', id)))
  }

  byHost(host: string | null | undefined): Promise<TenantSummary | null> {
    const key = this.#hostKey(host)
    if (!key) return Promise.resolve(null)
    const [kind, value] = key
    return this.#cache.get(`${kind}:${value}`, () =>
      this.#query((q) => q.where(kind === 'slug' ? 'slug' : 'custom_domain', value))
    )
  }

  /** The cached tenant by id, without a promise when it is in process memory. */
  peekById(id: string): TenantSummary | null | undefined {
    return this.#cache.peek(`id:${id}`)
  }

  /** The cached tenant for a host, without a promise when it is in process memory. */
  peekByHost(host: string | null | undefined): TenantSummary | null | undefined {
    const key = this.#hostKey(host)
    return key ? this.#cache.peek(`${key[0]}:${key[1]}`) : null
  }

  /** `['slug', 'alpha']` for a subdomain of the base domain, `['domain', host]` for a custom domain. */
  #hostKey(host: string | null | undefined): ['slug' | 'domain', string] | null {
    if (!host) return null
    const hostname = host.toLowerCase().replace(/:\d+$/, '')
    const base = this.baseDomain?.toLowerCase()
    if (base && hostname.endsWith(`.${base}`)) {
      const slug = hostname.slice(0, -(base.length + 1))
      return /^[a-z0-9-]+$/.test(slug) ? ['slug', slug] : null
    }
    if (hostname === base || !hostname.includes('.')) return null
    return ['domain', hostname]
  }

  /** Drop every cached view of a tenant after it changed. */
  async forget(tenant: { id: string; slug: string; custom_domain?: string | null }) {
    await this.#cache.invalidate(`id:${tenant.id}`)
    await this.#cache.invalidate(`slug:${tenant.slug}`)
    if (tenant.custom_domain) await this.#cache.invalidate(`domain:${tenant.custom_domain}`)
  }

  async #query(scope: (q: any) => any): Promise<TenantSummary | null> {
    const row = await scope(platformDb().from('tenants'))
      .select('id', 'slug', 'name', 'status', 'timezone', 'locale')
      .first()
    return row ?? null
  }
}
