import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * One printed voucher. The password is stored in clear on purpose: it is
 * printed on paper, exported to CSV and reprinted at will (in `code` mode it
 * is the username itself), and CHAP needs the cleartext anyway. Encrypting
 * it would protect nothing that the username column does not already reveal.
 */
export default class extends BaseSchema {
  protected tableName = 'vouchers'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('batch_id').notNullable()
      table.uuid('package_id').notNullable()
      table.string('username', 24).notNullable()
      table.string('password', 24).notNullable()
      table.string('status', 10).notNullable().defaultTo('unused')
      table.timestamp('first_login_at', { useTz: true }).nullable()
      table.string('mac_address', 64).nullable()
      table.string('nas_ip', 64).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.integer('used_minutes').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      // The database, not the generator, guarantees that a code is sold once per tenant.
      table.unique(['tenant_id', 'username'], { indexName: 'vouchers_tenant_username_unique' })
      table
        .foreign(['tenant_id', 'batch_id'])
        .references(['tenant_id', 'id'])
        .inTable('voucher_batches')
        .onDelete('CASCADE')
      table
        .foreign(['tenant_id', 'package_id'])
        .references(['tenant_id', 'id'])
        .inTable('voucher_packages')
    })
    this.schema.raw(`
      ALTER TABLE vouchers ADD CONSTRAINT vouchers_status_check
        CHECK (status IN ('unused', 'active', 'used', 'expired', 'disabled'))`)
    this.schema.raw('CREATE INDEX vouchers_batch_index ON vouchers (batch_id)')
    this.schema.raw('CREATE INDEX vouchers_package_index ON vouchers (package_id)')
    this.schema.raw(
      'CREATE INDEX vouchers_tenant_first_login_index ON vouchers (tenant_id, first_login_at) WHERE first_login_at IS NOT NULL'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
