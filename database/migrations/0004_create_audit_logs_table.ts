import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.uuid('tenant_id').nullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('actor', 160).notNullable()
      table.string('action', 80).notNullable()
      table.string('subject_type', 60).nullable()
      table.string('subject_id', 120).nullable()
      table.jsonb('before').nullable()
      table.jsonb('after').nullable()
      table.string('ip', 64).nullable()
      table.string('user_agent', 300).nullable()
      table.string('request_id', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['tenant_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
