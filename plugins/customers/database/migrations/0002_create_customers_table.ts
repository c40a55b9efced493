import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * The tenant's customers (the people who pay). Phones are stored in E.164 so
 * that WhatsApp reminders and search agree on one spelling. A customer is
 * never deleted while billing may still need them: termination is a status.
 */
export default class extends BaseSchema {
  protected tableName = 'customers'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.string('phone', 16).nullable()
      table.string('email', 254).nullable()
      table.text('address').nullable()
      table.string('identity_number', 32).nullable()
      table.string('category', 40).notNullable().defaultTo('regular')
      table.string('status', 12).notNullable().defaultTo('active')
      table.text('notes').nullable()
      table.uuid('created_by').nullable()
      table.uuid('updated_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      // Target of the tenant-keyed foreign keys of subscriptions.
      table.unique(['tenant_id', 'id'])
    })
    this.schema.raw(`
      ALTER TABLE customers
        ADD CONSTRAINT customers_status_check CHECK (status IN ('active', 'isolated', 'terminated'))`)
    // One identity card (KTP/NIK) is one person; phones may be shared within a family.
    this.schema.raw(
      'CREATE UNIQUE INDEX customers_tenant_identity_unique ON customers (tenant_id, identity_number) WHERE identity_number IS NOT NULL'
    )
    this.schema.raw('CREATE INDEX customers_tenant_phone_index ON customers (tenant_id, phone)')
    this.schema.raw(
      'CREATE INDEX customers_tenant_name_index ON customers (tenant_id, lower(name), id)'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
