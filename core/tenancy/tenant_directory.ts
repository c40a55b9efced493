import db from '@adonisjs/lucid/services/db'
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
    if (!host) return Promise.resolve(null)
    const hostname = host.toLowerCase().replace(/:\d+$/, '')
    const base = this.baseDomain?.toLowerCase()
    if (base && hostname.endsWith(`.${base}`)) {
      const slug = hostname.slice(0, -(base.length + 1))
      if (!/^[a-z0-9-]+$/.test(slug)) return Promise.resolve(null)
      return this.#cache.get(`slug:${slug}`, () => this.#query((q) => q.where('slug', slug)))
    }
    if (hostname === base || !hostname.includes('.')) return Promise.resolve(null)
    return this.#cache.get(`domain:${hostname}`, () =>
      this.#query((q) => q.where('custom_domain', hostname))
    )
  }

  /** Drop every cached view of a tenant after it changed. */
  async forget(tenant: { id: string; slug: string; custom_domain?: string | null }) {
    await this.#cache.invalidate(`id:${tenant.id}`)
    await this.#cache.invalidate(`slug:${tenant.slug}`)
    if (tenant.custom_domain) await this.#cache.invalidate(`domain:${tenant.custom_domain}`)
  }

  async #query(scope: (q: any) => any): Promise<TenantSummary | null> {
    const row = await scope(db.from('tenants'))
      .select('id', 'slug', 'name', 'status', 'timezone', 'locale')
      .first()
    return row ?? null
  }
}
