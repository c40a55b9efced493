import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * Categories a tenant adds to the built-in ones (regular, hotspot, member),
 * e.g. "corporate" or "rt-05". Customers store the category by name.
 */
export default class extends BaseSchema {
  protected tableName = 'customer_categories'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('name', 40).notNullable()
      table.string('label', 80).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX customer_categories_tenant_name_unique ON customer_categories (tenant_id, name)'
    )
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
