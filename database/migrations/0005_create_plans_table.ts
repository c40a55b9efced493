import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The plans the platform sells. Limits are data the super admin edits, not
 * code: `{ "max_router": 2 }`, where null means unlimited and a key the plan
 * does not list is not restricted by it. Price in IDR per month; null means
 * negotiated (enterprise).
 */
export default class extends BaseSchema {
  protected tableName = 'plans'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('code', 20).primary()
      table.string('name', 80).notNullable()
      table.integer('price').nullable()
      table.jsonb('limits').notNullable().defaultTo('{}')
      // Foreign key added with the feature_groups table (0006).
      table.string('feature_group', 20).nullable()
      table.integer('sort').notNullable().defaultTo(0)
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(
      `ALTER TABLE plans ADD CONSTRAINT plans_price_check CHECK (price IS NULL OR price >= 0)`
    )
    this.schema.raw(
      `ALTER TABLE plans ADD CONSTRAINT plans_limits_object CHECK (jsonb_typeof(limits) = 'object')`
    )

    // The product sheet as first sold; editable afterwards by the super admin.
    const limits = (
      router: number | null,
      user: number | null,
      voucher: number | null,
      odp: number | null,
      clientMaps: number | null
    ) =>
      JSON.stringify({
        max_router: router,
        max_user: user,
        max_voucher: voucher,
        max_odp: odp,
        max_client_maps: clientMaps,
      })

    this.defer(async (db) => {
      await db.table(this.tableName).multiInsert([
        {
          code: 'basic',
          name: 'Basic',
          price: 150_000,
          limits: limits(2, 250, 15_000, 20, 250),
          feature_group: 'basic',
          sort: 10,
        },
        {
          code: 'pro',
          name: 'Pro',
          price: 400_000,
          limits: limits(5, 1_000, 35_000, 50, 1_000),
          feature_group: 'pro',
          sort: 20,
        },
        {
          code: 'business',
          name: 'Business',
          price: 950_000,
          limits: limits(10, 5_000, null, 150, 4_000),
          feature_group: 'business',
          sort: 30,
        },
        {
          code: 'enterprise',
          name: 'Enterprise',
          price: null,
          limits: limits(null, null, null, null, null),
          feature_group: 'business',
          sort: 40,
        },
      ])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
