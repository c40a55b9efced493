import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Named sets of features applied to a tenant in one step ("simple mode").
 * A feature is a plugin id (`mikrotik`) or a capability name (`api_access`).
 * Each group lists every feature it grants, the lower groups' included, so
 * that what a tenant gets is readable from one row.
 */
export default class extends BaseSchema {
  protected tableName = 'feature_groups'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('code', 20).primary()
      table.string('name', 80).notNullable()
      table.specificType('features', 'text[]').notNullable().defaultTo('{}')
      table.integer('sort').notNullable().defaultTo(0)
    })

    const basic = ['customers', 'mikrotik', 'radius', 'voucher', 'billing']
    const pro = [...basic, 'maps', 'wa', 'hr']
    const business = [...pro, 'white-label', 'ai-agent', 'api_access']
    this.defer(async (db) => {
      await db.table(this.tableName).multiInsert([
        { code: 'basic', name: 'Basic', features: basic, sort: 10 },
        { code: 'pro', name: 'Pro', features: pro, sort: 20 },
        { code: 'business', name: 'Business', features: business, sort: 30 },
      ])
    })

    // Plans (0005) name their group; only now can that be checked.
    this.schema.raw(
      `ALTER TABLE plans ADD CONSTRAINT plans_feature_group_fk FOREIGN KEY (feature_group)
       REFERENCES feature_groups (code) ON UPDATE CASCADE ON DELETE SET NULL`
    )
  }

  async down() {
    this.schema.raw('ALTER TABLE plans DROP CONSTRAINT IF EXISTS plans_feature_group_fk')
    this.schema.dropTable(this.tableName)
  }
}
