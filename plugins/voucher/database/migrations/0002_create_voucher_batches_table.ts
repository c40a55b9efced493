import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * One generation run: who made how many codes of which shape for which
 * package. `price` is the package price when the batch was made, so a later
 * price change does not rewrite past sales. `router_id` names a router of
 * the MikroTik plugin without a foreign key, since that plugin is optional.
 */
export default class extends BaseSchema {
  protected tableName = 'voucher_batches'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('package_id').notNullable()
      table.integer('count').notNullable()
      table.integer('price').notNullable()
      table.string('prefix', 8).notNullable().defaultTo('')
      table.string('charset', 10).notNullable()
      table.smallint('length').notNullable()
      table.string('mode', 10).notNullable()
      table.uuid('router_id').nullable()
      table.uuid('created_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'id'])
      table
        .foreign(['tenant_id', 'package_id'])
        .references(['tenant_id', 'id'])
        .inTable('voucher_packages')
    })
    this.schema.raw(`
      ALTER TABLE voucher_batches
        ADD CONSTRAINT voucher_batches_count_check CHECK (count BETWEEN 1 AND 10000),
        ADD CONSTRAINT voucher_batches_charset_check CHECK (charset IN ('numeric', 'upper', 'alnum')),
        ADD CONSTRAINT voucher_batches_mode_check CHECK (mode IN ('code', 'user_pass')),
        ADD CONSTRAINT voucher_batches_length_check CHECK (length BETWEEN 4 AND 16)`)
    this.schema.raw(
      'CREATE INDEX voucher_batches_tenant_created_index ON voucher_batches (tenant_id, created_at DESC)'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
