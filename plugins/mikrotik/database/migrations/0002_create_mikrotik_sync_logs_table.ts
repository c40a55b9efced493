import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/** One row per sync run of a router: when, how it went, and what it counted. */
export default class extends BaseSchema {
  protected tableName = 'mikrotik_sync_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table
        .uuid('router_id')
        .notNullable()
        .references('id')
        .inTable('mikrotik_routers')
        .onDelete('CASCADE')
      table.timestamp('started_at', { useTz: true }).notNullable()
      table.timestamp('finished_at', { useTz: true }).notNullable()
      table.string('outcome', 10).notNullable()
      table.text('message').nullable()
      table.jsonb('counts').notNullable().defaultTo('{}')
      table.index(['router_id', 'started_at'])
    })
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
