import { BaseSchema } from '@adonisjs/lucid/schema'

/** The logo a tenant shows in its panel and on its customers' pages, set in the tenant settings. */
export default class extends BaseSchema {
  protected tableName = 'tenants'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('logo_url', 500).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('logo_url')
    })
  }
}
