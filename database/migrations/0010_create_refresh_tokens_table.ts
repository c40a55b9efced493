import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * API refresh tokens. Only the SHA-256 of a token is kept, so a leaked table
 * cannot be replayed. Rows of one sign-in share a family_id, which is what
 * reuse detection and logout revoke.
 */
export default class extends BaseSchema {
  protected tableName = 'refresh_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      // Null for super admins, who belong to no tenant.
      table.uuid('tenant_id').nullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('family_id').notNullable()
      table.specificType('token_hash', 'char(64)').notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      // The successor that replaced this token when it was used.
      table
        .uuid('replaced_by')
        .nullable()
        .references('id')
        .inTable('refresh_tokens')
        .onDelete('SET NULL')
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.string('revoked_reason', 40).nullable()
      table.string('created_ip', 64).nullable()
      table.string('user_agent', 300).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['family_id'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
