import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * The tenant's MikroTik routers: how to reach their API, and what the last
 * contact saw. The API password is stored encrypted with the app key: it has
 * to be recoverable, since RouterOS login needs it in clear.
 */
export default class extends BaseSchema {
  protected tableName = 'mikrotik_routers'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('name', 80).notNullable()
      table.string('host', 253).notNullable()
      table.integer('port').notNullable().defaultTo(8728)
      table.boolean('tls').notNullable().defaultTo(false)
      table.string('api_user', 100).notNullable()
      table.text('api_password_encrypted').notNullable()
      table.integer('sync_interval_seconds').notNullable().defaultTo(300)
      table.text('notes').nullable()
      table.string('status', 10).notNullable().defaultTo('unknown')
      table.timestamp('last_seen_at', { useTz: true }).nullable()
      table.timestamp('last_synced_at', { useTz: true }).nullable()
      table.text('last_error').nullable()
      table.string('identity', 100).nullable()
      table.string('routeros_version', 60).nullable()
      table.string('board_name', 100).nullable()
      table.string('uptime', 40).nullable()
      table.integer('cpu_load').nullable()
      table.bigInteger('free_memory').nullable()
      table.bigInteger('total_memory').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE mikrotik_routers
        ADD CONSTRAINT mikrotik_routers_port_check CHECK (port BETWEEN 1 AND 65535),
        ADD CONSTRAINT mikrotik_routers_interval_check CHECK (sync_interval_seconds BETWEEN 30 AND 86400),
        ADD CONSTRAINT mikrotik_routers_status_check CHECK (status IN ('unknown', 'online', 'offline'))`)
    // Operators tell routers apart by name; "Core-1" and "core-1" would be the same router to them.
    this.schema.raw(
      'CREATE UNIQUE INDEX mikrotik_routers_tenant_name_unique ON mikrotik_routers (tenant_id, lower(name))'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
