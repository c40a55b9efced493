import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Limit addons: the catalog the platform sells (each unit raises one limit by
 * `increment`) and what each tenant bought. Only `active` rows count towards
 * limits; `pending` ones wait for the super admin's approval.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('addon_catalog', (table) => {
      table.string('code', 40).primary()
      table.string('name', 80).notNullable()
      table.string('limit_key', 60).notNullable()
      table.integer('increment').notNullable()
      table.integer('price').notNullable()
      table.string('billing_cycle', 10).notNullable().defaultTo('monthly')
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`ALTER TABLE addon_catalog
      ADD CONSTRAINT addon_catalog_increment_check CHECK (increment > 0),
      ADD CONSTRAINT addon_catalog_price_check CHECK (price >= 0),
      ADD CONSTRAINT addon_catalog_cycle_check CHECK (billing_cycle IN ('monthly','yearly','one_time'))`)

    this.schema.createTable('tenant_addons', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      // A catalog entry in use is retired with `active = false`, never deleted.
      table
        .string('addon_code', 40)
        .notNullable()
        .references('code')
        .inTable('addon_catalog')
        .onUpdate('CASCADE')
        .onDelete('RESTRICT')
      table.integer('quantity').notNullable()
      table.string('status', 12).notNullable().defaultTo('active')
      table.boolean('billable').notNullable().defaultTo(true)
      table.string('created_by', 160).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['tenant_id'])
    })
    this.schema.raw(`ALTER TABLE tenant_addons
      ADD CONSTRAINT tenant_addons_quantity_check CHECK (quantity > 0),
      ADD CONSTRAINT tenant_addons_status_check CHECK (status IN ('active','pending','cancelled'))`)

    this.defer(async (db) => {
      await db.table('addon_catalog').multiInsert([
        {
          code: 'extra_router',
          name: 'Extra router',
          limit_key: 'max_router',
          increment: 1,
          price: 50_000,
        },
        {
          code: 'extra_user_pack',
          name: 'Extra 500 users',
          limit_key: 'max_user',
          increment: 500,
          price: 100_000,
        },
        {
          code: 'extra_odp_maps',
          name: 'Extra 50 ODPs on the map',
          limit_key: 'max_odp',
          increment: 50,
          price: 75_000,
        },
        {
          code: 'extra_client_maps',
          name: 'Extra 500 clients on the map',
          limit_key: 'max_client_maps',
          increment: 500,
          price: 75_000,
        },
      ])
    })
  }

  async down() {
    this.schema.dropTable('tenant_addons')
    this.schema.dropTable('addon_catalog')
  }
}
