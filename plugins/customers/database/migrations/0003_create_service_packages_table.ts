import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * What a tenant sells: speeds, burst, quota and addressing. The RADIUS reply
 * and the MikroTik profile are derived from these columns
 * (core/services/package_mapping.ts), never typed by the operator.
 */
export default class extends BaseSchema {
  protected tableName = 'service_packages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('name', 80).notNullable()
      table.string('type', 20).notNullable()
      table.integer('period_days').nullable()
      table.integer('price').notNullable()
      table.string('service', 20).notNullable()
      table.integer('download_kbps').notNullable()
      table.integer('upload_kbps').notNullable()
      table.jsonb('burst').nullable()
      table.bigInteger('quota_bytes').nullable()
      table.string('profile_name', 64).notNullable()
      table.string('address_pool', 64).nullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      // Target of the tenant-keyed foreign keys of subscriptions.
      table.unique(['tenant_id', 'id'])
    })
    this.schema.raw(`
      ALTER TABLE service_packages
        ADD CONSTRAINT service_packages_type_check CHECK (type IN ('postpaid_monthly', 'prepaid_period')),
        ADD CONSTRAINT service_packages_period_check CHECK (
          (type = 'prepaid_period' AND period_days BETWEEN 1 AND 3660)
          OR (type = 'postpaid_monthly' AND period_days IS NULL)),
        ADD CONSTRAINT service_packages_price_check CHECK (price >= 0),
        ADD CONSTRAINT service_packages_service_check CHECK (service IN ('pppoe', 'hotspot_member', 'static_ip')),
        ADD CONSTRAINT service_packages_rates_check CHECK (download_kbps > 0 AND upload_kbps > 0),
        ADD CONSTRAINT service_packages_quota_check CHECK (quota_bytes IS NULL OR quota_bytes > 0)`)
    // "Paket 10M" and "paket 10m" would be the same package to an operator.
    this.schema.raw(
      'CREATE UNIQUE INDEX service_packages_tenant_name_unique ON service_packages (tenant_id, lower(name))'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
