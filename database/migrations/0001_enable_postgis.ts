import { BaseSchema } from '@adonisjs/lucid/schema'

/** Maps (ODC → ODP → client) store geometry with PostGIS. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS postgis')
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pgcrypto')
  }

  async down() {
    // Extensions may be shared with other schemas; leave them installed.
  }
}
