import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `router_id` names the MikroTik router (of the mikrotik plugin, so no foreign
 * key across plugins) that isolates and restores customers when the NAS does
 * not take CoA. `coa_port` becomes optional: empty means the router does not
 * accept RADIUS CoA / Disconnect (`/radius incoming accept=no`).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('radius_nas', (table) => {
      table.uuid('router_id').nullable()
    })
    this.schema.raw('ALTER TABLE radius_nas ALTER COLUMN coa_port DROP NOT NULL')
  }

  async down() {
    this.schema.raw('UPDATE radius_nas SET coa_port = 3799 WHERE coa_port IS NULL')
    this.schema.alterTable('radius_nas', (table) => {
      table.dropColumn('router_id')
    })
    this.schema.raw('ALTER TABLE radius_nas ALTER COLUMN coa_port SET NOT NULL')
  }
}
