import { BaseSchema } from '@adonisjs/lucid/schema'

/** Tenant roles (owner, admin, finance, hr, technician, and roles a tenant defines) and who holds them. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('roles', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('slug', 40).notNullable()
      table.string('name', 80).notNullable()
      table.specificType('permissions', 'text[]').notNullable().defaultTo('{}')
      // Built-in roles can be edited but not deleted or renamed.
      table.boolean('is_system').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'slug'])
    })
    this.schema.createTable('user_roles', (table) => {
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.uuid('role_id').notNullable().references('id').inTable('roles').onDelete('CASCADE')
      table.primary(['user_id', 'role_id'])
      table.index(['tenant_id'])
    })
  }

  async down() {
    this.schema.dropTable('user_roles')
    this.schema.dropTable('roles')
  }
}
