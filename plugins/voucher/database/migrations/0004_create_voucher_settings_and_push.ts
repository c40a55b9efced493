import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolation } from '#core/tenancy/rls'

/**
 * How a tenant sells vouchers: checked by RADIUS at each login (recommended:
 * time, quota and single use are enforced centrally) or pushed to a router as
 * hotspot users; where the QR codes point; how cards print. One row per
 * tenant, absent until first saved (the defaults apply).
 *
 * A batch remembers how it was delivered, and for a push the queued job that
 * carries it to the router, so its progress can be shown.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('voucher_settings', (table) => {
      table.uuid('tenant_id').primary().references('id').inTable('tenants').onDelete('CASCADE')
      table.string('delivery', 10).notNullable().defaultTo('radius')
      // A router of the MikroTik plugin; no foreign key since that plugin is optional.
      table.uuid('default_router_id').nullable()
      table.string('hotspot_server', 64).nullable()
      table.string('hotspot_login_url', 200).nullable()
      table.string('card_template', 10).notNullable().defaultTo('a4')
      table.boolean('use_logo').notNullable().defaultTo(false)
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE voucher_settings
        ADD CONSTRAINT voucher_settings_delivery_check CHECK (delivery IN ('radius', 'push')),
        ADD CONSTRAINT voucher_settings_template_check CHECK (card_template IN ('a4', 'thermal58'))`)
    this.schema.raw(tenantIsolation('voucher_settings'))

    this.schema.alterTable('voucher_batches', (table) => {
      table.string('delivery', 10).notNullable().defaultTo('radius')
      table.string('push_job_id', 200).nullable()
      // Set once the push finished: the job itself is kept only for a day.
      table.timestamp('pushed_at', { useTz: true }).nullable()
      table.string('push_error', 300).nullable()
    })
    this.schema.raw(`
      ALTER TABLE voucher_batches
        ADD CONSTRAINT voucher_batches_delivery_check CHECK (delivery IN ('radius', 'push'))`)
  }

  async down() {
    this.schema.alterTable('voucher_batches', (table) => {
      table.dropColumn('delivery')
      table.dropColumn('push_job_id')
      table.dropColumn('pushed_at')
      table.dropColumn('push_error')
    })
    this.schema.dropTable('voucher_settings')
  }
}
