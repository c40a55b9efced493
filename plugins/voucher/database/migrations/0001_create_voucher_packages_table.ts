import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * What a voucher sells: speeds, a quota, use time (`duration_minutes`,
 * counted over sessions) and a validity (`validity_days`, counted from the
 * first login). The RADIUS reply is derived from these columns by the core
 * package mapping, never typed by the operator.
 */
export default class extends BaseSchema {
  protected tableName = 'voucher_packages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('name', 80).notNullable()
      table.integer('price').notNullable()
      table.integer('download_kbps').notNullable()
      table.integer('upload_kbps').notNullable()
      table.bigInteger('quota_bytes').nullable()
      table.integer('duration_minutes').nullable()
      table.integer('validity_days').nullable()
      table.integer('shared_users').notNullable().defaultTo(1)
      table.boolean('mac_lock').notNullable().defaultTo(false)
      table.string('profile_name', 64).notNullable()
      // Printed in the QR code of the cards: the tenant's hotspot DNS name, e.g. http://wifi.rtrw.net
      table.string('hotspot_url', 200).nullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'id'])
    })
    this.schema.raw(`
      ALTER TABLE voucher_packages
        ADD CONSTRAINT voucher_packages_price_check CHECK (price >= 0),
        ADD CONSTRAINT voucher_packages_rates_check CHECK (download_kbps > 0 AND upload_kbps > 0),
        ADD CONSTRAINT voucher_packages_quota_check CHECK (quota_bytes IS NULL OR quota_bytes > 0),
        ADD CONSTRAINT voucher_packages_duration_check CHECK (duration_minutes IS NULL OR duration_minutes > 0),
        ADD CONSTRAINT voucher_packages_validity_check CHECK (validity_days IS NULL OR validity_days > 0),
        ADD CONSTRAINT voucher_packages_shared_check CHECK (shared_users >= 1)`)
    this.schema.raw(
      'CREATE UNIQUE INDEX voucher_packages_tenant_name_unique ON voucher_packages (tenant_id, lower(name))'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
