import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

export default class extends BaseSchema {
  async up() {
    // A NAS address belongs to one tenant: it is how a RADIUS packet finds its tenant.
    this.schema.createTable('radius_nas', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('name', 80).notNullable()
      table.specificType('ip_address', 'inet').notNullable().unique()
      table.string('nas_identifier', 120).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'name'])
    })
    this.schema.createTable('radius_sessions', (table) => {
      table.bigIncrements('id')
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.uuid('nas_id').nullable().references('id').inTable('radius_nas').onDelete('SET NULL')
      table.string('acct_unique_id', 64).notNullable()
      table.string('acct_session_id', 64).notNullable()
      table.string('username', 128).notNullable()
      table.specificType('framed_ip', 'inet').nullable()
      table.string('mac_address', 64).nullable()
      table.string('called_station_id', 128).nullable()
      table.timestamp('started_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.timestamp('stopped_at', { useTz: true }).nullable()
      table.integer('session_time').notNullable().defaultTo(0)
      table.bigInteger('input_octets').notNullable().defaultTo(0)
      table.bigInteger('output_octets').notNullable().defaultTo(0)
      table.string('terminate_cause', 40).nullable()
      table.unique(['tenant_id', 'acct_unique_id'])
      table.index(['tenant_id', 'username'])
    })
    this.schema.raw(
      'CREATE INDEX radius_sessions_open_idx ON radius_sessions (tenant_id, username) WHERE stopped_at IS NULL'
    )
    this.schema.createTable('radius_auth_log', (table) => {
      table.bigIncrements('id')
      table.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('username', 128).notNullable()
      table.string('result', 10).notNullable()
      table.string('reason', 200).nullable()
      table.string('nas_ip', 64).nullable()
      table.string('mac_address', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['tenant_id', 'created_at'])
    })
    this.schema.createTable('radius_settings', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      // An isolated subscriber is refused, or let in onto the isolir address-list to be asked to pay.
      table.string('isolated_behaviour', 10).notNullable().defaultTo('reject')
    })
    for (const table of ['radius_nas', 'radius_sessions', 'radius_auth_log', 'radius_settings']) {
      this.schema.raw(tenantIsolation(table))
    }
  }

  async down() {
    for (const table of ['radius_settings', 'radius_auth_log', 'radius_sessions', 'radius_nas']) {
      this.schema.dropTable(table)
    }
  }
}
