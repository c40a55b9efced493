import { BaseSchema } from '@adonisjs/lucid/schema'

const APP_ROLE = process.env.DB_APP_USER || 'isp_app'

/**
 * Emailed password reset tokens. Only the SHA-256 of a token is kept, so a
 * leaked table opens no account. Platform auth infrastructure: no tenant_id,
 * read and written through the owner connection only.
 */
export default class extends BaseSchema {
  protected tableName = 'password_reset_tokens'

  async up() {
    if (!/^[a-z_][a-z0-9_]*$/.test(APP_ROLE))
      throw new Error(`DB_APP_USER "${APP_ROLE}" is not a valid role name`)
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.specificType('token_hash', 'char(64)').notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.string('created_ip', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['user_id'])
    })
    // Without a tenant_id, row-level security cannot fence these rows; the app
    // role (tenant requests) simply gets no access, which the default
    // privileges of the earlier migration would otherwise grant it.
    this.schema.raw(`REVOKE ALL ON ${this.tableName} FROM ${APP_ROLE}`)
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
