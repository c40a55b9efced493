import { platformDb } from '../tenancy/tenant_db.js'
import type { RedisService } from '@adonisjs/redis/types'
import { TieredCache } from '../cache/tiered_cache.js'
import { ApiError } from '../http/api_error.js'
import { recordAudit } from '../audit/audit_log.js'
import type { PluginRegistry } from './registry.js'

export interface Actor {
  /** `user:<id>`, `super_admin:<id>`, `system:<reason>` */
  actor: string
  ip?: string
  requestId?: string
}

/**
 * Per-tenant enablement of installed plugins. The database is the truth;
 * reads go through a tiered cache invalidated on every change.
 */
export class PluginEnablement {
  #cache: TieredCache<ReadonlySet<string>>

  constructor(
    private registry: PluginRegistry,
    redis: RedisService,
    prefix: string,
    private hooks: {
      onEnable?: (pluginId: string, tenantId: string) => Promise<void>
      onDisable?: (pluginId: string, tenantId: string) => Promise<void>
    } = {}
  ) {
    this.#cache = new TieredCache(redis, {
      namespace: 'tenant-plugins',
      prefix,
      localTtlMs: 10_000,
      redisTtlSeconds: 3600,
      serialize: (set) => JSON.stringify([...set]),
      deserialize: (raw) => new Set(JSON.parse(raw) as string[]),
    })
  }

  listen() {
    return this.#cache.listen()
  }

  clearLocalCache() {
    this.#cache.clearLocal()
  }

  /** Installed plugins enabled for the tenant. */
  enabledFor(tenantId: string): Promise<ReadonlySet<string>> {
    return this.#cache.get(tenantId, async () => {
      const rows = await platformDb()
        .from('tenant_plugins')
        .where({ tenant_id: tenantId, enabled: true })
        .select('plugin_id')
      return new Set(rows.map((r) => r.plugin_id as string).filter((id) => this.registry.has(id)))
    })
  }

  async isEnabled(tenantId: string, pluginId: string) {
    return (await this.enabledFor(tenantId)).has(pluginId)
  }

  /** Answer from process memory when it can (the request hot path); undefined when it must ask further. */
  peekEnabled(tenantId: string, pluginId: string): boolean | undefined {
    return this.#cache.peek(tenantId)?.has(pluginId)
  }

  /** Tenants that have the plugin enabled (platform path: schedulers fan out over them). */
  async tenantsWith(pluginId: string): Promise<string[]> {
    const rows = await platformDb()
      .from('tenant_plugins')
      .join('tenants', 'tenants.id', 'tenant_plugins.tenant_id')
      .where({ 'tenant_plugins.plugin_id': pluginId, 'tenant_plugins.enabled': true })
      .whereNot('tenants.status', 'deactivated')
      .select('tenant_plugins.tenant_id')
    return rows.map((r) => r.tenant_id as string)
  }

  /**
   * Enables the plugin and every plugin it requires. Returns the ids that
   * were newly enabled, dependencies first.
   */
  async enable(tenantId: string, pluginId: string, by: Actor, source = 'admin'): Promise<string[]> {
    this.#assertInstalled(pluginId)
    const wanted = [...this.registry.requiredBy(pluginId), pluginId]
    const order = this.registry.ids().filter((id) => wanted.includes(id))

    const newly = await platformDb().transaction(async (trx) => {
      await trx.rawQuery('SELECT 1 FROM tenants WHERE id = ? FOR UPDATE', [tenantId])
      const current = new Set(
        (
          await trx
            .from('tenant_plugins')
            .where({ tenant_id: tenantId, enabled: true })
            .select('plugin_id')
        ).map((r) => r.plugin_id as string)
      )
      const added = order.filter((id) => !current.has(id))
      for (const id of added) {
        await trx.rawQuery(
          `INSERT INTO tenant_plugins (tenant_id, plugin_id, enabled, source, updated_by)
           VALUES (?, ?, true, ?, ?)
           ON CONFLICT (tenant_id, plugin_id) DO UPDATE SET enabled = true, source = EXCLUDED.source,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [tenantId, id, id === pluginId ? source : 'dependency', by.actor]
        )
        await recordAudit(
          {
            tenantId,
            actor: by.actor,
            action: 'plugin.enabled',
            subjectType: 'plugin',
            subjectId: id,
            before: { enabled: false },
            after: { enabled: true, reason: id === pluginId ? source : `required by ${pluginId}` },
            ip: by.ip,
            requestId: by.requestId,
          },
          trx
        )
      }
      return added
    })

    await this.#cache.invalidate(tenantId)
    for (const id of newly) await this.hooks.onEnable?.(id, tenantId)
    return newly
  }

  /** Disables the plugin, refusing while another enabled plugin needs it. */
  async disable(tenantId: string, pluginId: string, by: Actor): Promise<void> {
    this.#assertInstalled(pluginId)
    await platformDb().transaction(async (trx) => {
      await trx.rawQuery('SELECT 1 FROM tenants WHERE id = ? FOR UPDATE', [tenantId])
      const enabled = new Set(
        (
          await trx
            .from('tenant_plugins')
            .where({ tenant_id: tenantId, enabled: true })
            .select('plugin_id')
        ).map((r) => r.plugin_id as string)
      )
      if (!enabled.has(pluginId)) return
      const needers = this.registry.dependentsOf(pluginId).filter((id) => enabled.has(id))
      if (needers.length) {
        throw new ApiError(
          409,
          'PLUGIN_REQUIRED',
          `Cannot disable "${pluginId}": ${needers.map((id) => `"${id}"`).join(', ')} ${needers.length > 1 ? 'need' : 'needs'} it. Disable ${needers.length > 1 ? 'them' : 'it'} first.`
        )
      }
      await trx
        .from('tenant_plugins')
        .where({ tenant_id: tenantId, plugin_id: pluginId })
        .update({ enabled: false, updated_by: by.actor, updated_at: new Date() })
      await recordAudit(
        {
          tenantId,
          actor: by.actor,
          action: 'plugin.disabled',
          subjectType: 'plugin',
          subjectId: pluginId,
          before: { enabled: true },
          after: { enabled: false },
          ip: by.ip,
          requestId: by.requestId,
        },
        trx
      )
    })
    await this.#cache.invalidate(tenantId)
    await this.hooks.onDisable?.(pluginId, tenantId)
  }

  #assertInstalled(pluginId: string) {
    if (!this.registry.has(pluginId)) {
      throw new ApiError(
        404,
        'PLUGIN_NOT_INSTALLED',
        `Plugin "${pluginId}" is not installed on this platform`
      )
    }
  }
}
