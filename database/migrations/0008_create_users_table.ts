import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * People who sign in: tenant staff (one tenant each) and the platform's
 * super admins (no tenant). Email is unique across the platform.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS citext')
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').nullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.specificType('email', 'citext').notNullable().unique()
      table.string('password', 255).notNullable()
      table.string('full_name', 120).notNullable()
      table.string('phone', 20).nullable()
      table.string('status', 20).notNullable().defaultTo('active')
      table.string('locale', 5).nullable()
      table.boolean('is_super_admin').notNullable().defaultTo(false)
      // Sub-owner ("investor") accounts hang under the owner who created them.
      table.uuid('parent_user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['tenant_id'])
    })
    this.schema.raw(
      `ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active','deactivated'))`
    )
    this.schema.raw(
      `ALTER TABLE users ADD CONSTRAINT users_tenant_or_super_admin CHECK ((tenant_id IS NULL) = is_super_admin)`
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
