import { BaseSchema } from '@adonisjs/lucid/schema'

/** The RADIUS shared secret of each NAS, encrypted with the app key: FreeRADIUS needs it in clients.conf. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('radius_nas', (table) => {
      table.text('secret_encrypted').nullable()
    })
  }

  async down() {
    this.schema.alterTable('radius_nas', (table) => {
      table.dropColumn('secret_encrypted')
    })
  }
}
