import { BaseSchema } from '@adonisjs/lucid/schema'

/** Where the NAS listens for Disconnect and CoA requests (MikroTik: `/radius incoming`, port 3799). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('radius_nas', (table) => {
      table.integer('coa_port').notNullable().defaultTo(3799)
    })
  }

  async down() {
    this.schema.alterTable('radius_nas', (table) => {
      table.dropColumn('coa_port')
    })
  }
}
