import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'tenants'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('name', 120).notNullable()
      table.string('slug', 63).notNullable().unique()
      table.string('plan', 20).notNullable().defaultTo('basic')
      table.string('status', 20).notNullable().defaultTo('active')
      table.jsonb('features').notNullable().defaultTo('{}')
      table.jsonb('limits').notNullable().defaultTo('{}')
      table.jsonb('addons').notNullable().defaultTo('[]')
      table.string('custom_domain', 253).nullable().unique()
      table.string('timezone', 64).notNullable().defaultTo('Asia/Jakarta')
      table.string('locale', 5).notNullable().defaultTo('id')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(
      `ALTER TABLE tenants ADD CONSTRAINT tenants_status_check CHECK (status IN ('active','deactivated','panel_isolated'))`
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
