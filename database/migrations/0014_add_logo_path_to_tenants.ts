import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A logo uploaded in the tenant settings: the key of the private file on the
 * drive (served to signed-in members by the platform, never by a public URL).
 */
export default class extends BaseSchema {
  protected tableName = 'tenants'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('logo_path', 300).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('logo_path')
    })
  }
}
