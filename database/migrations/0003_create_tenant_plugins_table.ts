import { BaseSchema } from '@adonisjs/lucid/schema'

/** Which plugins each tenant may use, and why (plan, addon, super admin, dependency). */
export default class extends BaseSchema {
  protected tableName = 'tenant_plugins'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('plugin_id', 64).notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.string('source', 20).notNullable().defaultTo('admin')
      table.jsonb('settings').notNullable().defaultTo('{}')
      table.string('updated_by', 120).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'plugin_id'])
    })
    this.schema.raw(
      'CREATE INDEX tenant_plugins_plugin_idx ON tenant_plugins (plugin_id) WHERE enabled'
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
