import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * Metadata of a customer's documents (KTP scan, signed contract, house photo).
 * The file lives in storage under `storage_key`; uploading goes through
 * AdonisJS Drive once it is configured for the platform.
 */
export default class extends BaseSchema {
  protected tableName = 'customer_documents'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('customer_id').notNullable()
      table.string('kind', 30).notNullable()
      table.string('file_name', 200).notNullable()
      table.string('content_type', 100).notNullable()
      table.integer('size_bytes').notNullable()
      table.string('storage_key', 300).notNullable()
      table.uuid('uploaded_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table
        .foreign(['tenant_id', 'customer_id'])
        .references(['tenant_id', 'id'])
        .inTable('customers')
        .onDelete('CASCADE')
    })
    this.schema.raw(
      'CREATE INDEX customer_documents_customer_index ON customer_documents (customer_id)'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
