import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The history of one record (a customer's activity, a router's changes) is
 * read by subject: without this index it scans the tenant's whole log.
 */
export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(
        ['tenant_id', 'subject_type', 'subject_id', 'created_at'],
        'audit_logs_subject_index'
      )
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex([], 'audit_logs_subject_index')
    })
  }
}
