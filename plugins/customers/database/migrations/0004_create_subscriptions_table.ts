import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * A customer's account on a package: the PPPoE / hotspot login RADIUS checks.
 * The password is encrypted with the app key, not hashed: CHAP and MS-CHAP
 * need it in clear on the FreeRADIUS side. `router_id` names a router of the
 * MikroTik plugin without a foreign key, since that plugin may not be installed.
 */
export default class extends BaseSchema {
  protected tableName = 'subscriptions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('customer_id').notNullable()
      table.uuid('package_id').notNullable()
      table.string('service_type', 20).notNullable()
      table.string('username', 64).notNullable()
      table.text('password_encrypted').notNullable()
      table.uuid('router_id').nullable()
      table.specificType('static_ip', 'inet').nullable()
      table.string('mac_address', 17).nullable()
      table.string('status', 12).notNullable().defaultTo('active')
      table.date('start_date').notNullable()
      table.smallint('billing_day').notNullable()
      table.timestamp('isolated_at', { useTz: true }).nullable()
      table.text('isolation_reason').nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      // Keyed with tenant_id: a row can never point at another tenant's customer or package.
      table
        .foreign(['tenant_id', 'customer_id'])
        .references(['tenant_id', 'id'])
        .inTable('customers')
      table
        .foreign(['tenant_id', 'package_id'])
        .references(['tenant_id', 'id'])
        .inTable('service_packages')
    })
    this.schema.raw(`
      ALTER TABLE subscriptions
        ADD CONSTRAINT subscriptions_status_check CHECK (status IN ('active', 'isolated', 'expired', 'terminated')),
        ADD CONSTRAINT subscriptions_service_check CHECK (service_type IN ('pppoe', 'hotspot_member', 'static_ip')),
        ADD CONSTRAINT subscriptions_billing_day_check CHECK (billing_day BETWEEN 1 AND 28)`)
    // Case-insensitive: "Budi" and "budi" as two accounts would confuse everyone on the phone.
    this.schema.raw(
      'CREATE UNIQUE INDEX subscriptions_tenant_username_unique ON subscriptions (tenant_id, lower(username))'
    )
    this.schema.raw(
      'CREATE INDEX subscriptions_tenant_username_index ON subscriptions (tenant_id, username)'
    )
    // Two accounts handed the same fixed address would knock each other off the network.
    this.schema.raw(
      'CREATE UNIQUE INDEX subscriptions_tenant_static_ip_unique ON subscriptions (tenant_id, static_ip) WHERE static_ip IS NOT NULL'
    )
    this.schema.raw('CREATE INDEX subscriptions_customer_index ON subscriptions (customer_id)')
    this.schema.raw('CREATE INDEX subscriptions_package_index ON subscriptions (package_id)')
    this.schema.raw(tenantIsolation(this.tableName))
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
